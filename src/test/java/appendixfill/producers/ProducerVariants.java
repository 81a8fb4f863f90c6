package appendixfill.producers;


import static appendixfill.producers.PartXml.MAIN;
import static appendixfill.producers.PartXml.MC;
import static appendixfill.producers.PartXml.PACKAGE_REL;
import static appendixfill.producers.PartXml.REL;
import static appendixfill.producers.PartXml.XML;
import static appendixfill.producers.PartXml.XMLNS;

import appendixfill.producers.PackageParts.Layout;
import appendixfill.producers.ProducerVariant.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The producer matrix's generator: the bundled example workbook re-serialised as other programs
 * write .xlsx (every XML part rewritten from a namespace-aware DOM, the zip written again), plus
 * the real producers' committed files and the inputs the tool must refuse.
 */
final class ProducerVariants {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");
    static final Path FIXTURES = Path.of("src/test/resources/producers");

    static final String WORKBOOK = "xl/workbook.xml";
    static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    static final String FORM = "xl/worksheets/sheet1.xml";
    static final String INFO = "xl/worksheets/sheet2.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String FORM_SHEET = "Phụ lục I";
    static final String INFO_SHEET = "Thông tin báo cáo";

    static final String TYPE = PackageView.TYPE;
    static final String DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    static final String DRAWING_MAIN = "http://schemas.openxmlformats.org/drawingml/2006/main";

    /** A 1×1 PNG: the officer's picture. */
    static final byte[] PICTURE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** The order of a worksheet's children (CT_Worksheet, ECMA-376 Part 1 §18.3.1.99). */
    private static final List<String> WORKSHEET_ORDER = List.of("sheetPr", "dimension", "sheetViews", "sheetFormatPr",
            "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
            "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
            "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
            "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
            "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
            "extLst");

    private ProducerVariants() {
    }

    /** Every variant of the matrix, in a fixed order. */
    static List<ProducerVariant> all() {
        List<ProducerVariant> all = new ArrayList<>();
        // The control: the generator's own round trip must change nothing the tool sees.
        all.add(same("re-serialised-unchanged", parts -> { }, Layout.STREAMED_DEFLATED));

        // Namespaces and prefixes.
        all.add(same("x-prefixed-spreadsheetml-as-open-xml-sdk", parts -> eachSpreadsheetPart(parts,
                d -> PartXml.usePrefix(d, MAIN, "x")), Layout.STREAMED_DEFLATED));
        all.add(same("relationships-prefix-other-than-r", parts -> eachSpreadsheetPart(parts,
                d -> renamePrefixIfUsed(d, REL, "rel")), Layout.STREAMED_DEFLATED));
        all.add(same("r-declared-on-each-sheet-not-the-root-as-openpyxl", parts -> parts.change(WORKBOOK,
                d -> PartXml.declareWhereUsed(d, REL, "r")), Layout.STREAMED_DEFLATED));
        all.add(same("default-namespace-redeclared-on-every-element", parts -> eachSpreadsheetPart(parts,
                ProducerVariants::redeclareDefaultEverywhere), Layout.STREAMED_DEFLATED));

        all.add(completed("excel-365-markup", ProducerVariants::excel365));

        // Strings.
        all.add(completed("inline-strings-instead-of-shared", ProducerVariants::inlineStrings));
        all.add(completed("shared-strings-with-rich-text-runs", parts -> parts.change(SHARED_STRINGS,
                ProducerVariants::richTextRuns)));
        all.add(completed("shared-strings-with-phonetic-runs", parts -> parts.change(SHARED_STRINGS,
                ProducerVariants::phoneticRuns)));
        all.add(same("prefixed-shared-strings", parts -> parts.change(SHARED_STRINGS,
                d -> PartXml.usePrefix(d, MAIN, "x")), Layout.STREAMED_DEFLATED));
        all.add(same("utf-16-shared-strings", parts -> parts.put(SHARED_STRINGS,
                PartXml.write(parts.xml(SHARED_STRINGS), PartXml.Style.PLAIN.withUtf16())), Layout.STREAMED_DEFLATED));

        // Part names.
        all.add(completed("absolute-relationship-targets", ProducerVariants::absoluteTargets));
        all.add(completed("part-names-in-other-case-than-relationships", ProducerVariants::otherCase));

        // Spelling of the bytes.
        all.add(same("bom-and-crlf-line-ends", parts -> parts.respell(s -> s.withBomAndLines("\r\n"), n -> true),
                Layout.STREAMED_DEFLATED));
        all.add(same("single-quoted-attributes", parts -> parts.respell(s -> s.withQuote('\''), n -> true),
                Layout.STREAMED_DEFLATED));
        all.add(same("whitespace-inside-tags", parts -> parts.respell(PartXml.Style::withSpacedTags, n -> true),
                Layout.STREAMED_DEFLATED));

        // Zip layouts.
        all.add(same("zip-stored-entries", parts -> { }, Layout.STORED));
        all.add(same("zip-sizes-in-local-headers-as-excel", parts -> { }, Layout.DEFLATED_SIZES_FIRST));
        all.add(same("zip-stored-entries-with-data-descriptors", parts -> { }, Layout.STORED_WITH_DATA_DESCRIPTORS));
        all.add(same("zip-data-descriptors-without-signature", parts -> { }, Layout.DATA_DESCRIPTORS_WITHOUT_SIGNATURE));
        all.add(same("zip64-entries", parts -> { }, Layout.ZIP64));

        // The officer's own content.
        all.add(completed("officer-comments-on-form-and-info-sheets", ProducerVariants::officerComments));
        all.add(completed("officer-pictures-on-form-and-own-sheet", ProducerVariants::officerPictures));
        all.add(completed("empty-relationships-part-for-form-sheet", parts -> parts.put(
                "xl/worksheets/_rels/sheet1.xml.rels", emptyRelationships())));
        all.add(completed("copied-form-sheet-with-sheet-scoped-names", ProducerVariants::copiedFormSheet));
        all.add(completed("officer-sheet-named-like-findings-sheet-in-capitals", parts -> addSheet(parts,
                "KẾT QUẢ KIỂM TRA", Map.of("A1", "Ghi chép của cán bộ: đã rà soát lần 1 ngày 15/11/2023",
                        "A2", "Còn thiếu số liệu mục 1.3"))));
        all.add(completed("strict-open-xml", ProducerVariants::strict));

        // Real producers: committed files, made by src/test/resources/producers/make-fixtures.sh.
        for (String producer : List.of("libreoffice", "gnumeric", "openpyxl")) {
            all.add(new ProducerVariant("saved-by-" + producer, Outcome.COMPLETED, false, true, target -> Files.copy(
                    FIXTURES.resolve("vu-muon-nam-2023." + producer + ".xlsx"), target)));
        }

        // Refusals.
        all.add(refused("shared-string-expansion-bomb", ProducerVariants::expansionBomb));
        all.add(refused("defined-name-twice-at-workbook-scope", parts -> parts.change(WORKBOOK, d -> {
            Element definedNames = PackageView.elements(d, "definedNames").get(0);
            Element twice = PartXml.createMain(d, "definedName");
            twice.setAttribute("name", "PL_1_1");
            twice.setTextContent("'" + FORM_SHEET + "'!$D$11");
            definedNames.appendChild(twice);
        })));
        all.add(refused("form-name-pointing-off-the-form-sheet", parts -> parts.change(WORKBOOK, d -> {
            for (Element name : PackageView.elements(d, "definedName")) {
                if (name.getAttribute("name").equals("PL_1_1")) {
                    name.setTextContent("'" + INFO_SHEET + "'!$D$9");
                }
            }
        })));
        for (String part : PackageParts.read(EXAMPLE).xmlNames()) {
            all.add(refused("doctype-in-" + part.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                    .toLowerCase(java.util.Locale.ROOT), parts -> parts.put(part, PartXml.write(parts.xml(part),
                    PartXml.Style.PLAIN.withDoctype()))));
        }
        return List.copyOf(all);
    }

    static ProducerVariant find(String name) {
        return all().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no variant " + name));
    }

    /** A change of the example's parts. */
    private interface Change {
        void apply(PackageParts parts) throws Exception;
    }

    private static ProducerVariant same(String name, Change change, Layout layout) {
        return new ProducerVariant(name, Outcome.COMPLETED, true, false, target -> make(change, layout, target));
    }

    private static ProducerVariant completed(String name, Change change) {
        return new ProducerVariant(name, Outcome.COMPLETED, false, false,
                target -> make(change, Layout.STREAMED_DEFLATED, target));
    }

    private static ProducerVariant refused(String name, Change change) {
        return new ProducerVariant(name, Outcome.REFUSED, false, false,
                target -> make(change, Layout.STREAMED_DEFLATED, target));
    }

    /** The example's parts, each XML part written again by the generator, then changed, then zipped. */
    private static void make(Change change, Layout layout, Path target) throws Exception {
        PackageParts parts = PackageParts.read(EXAMPLE);
        parts.respell(UnaryOperator.identity(), name -> true);
        change.apply(parts);
        parts.write(target, layout);
    }

    // ----- namespaces

    /** The SpreadsheetML parts of the example (workbook, sheets, shared strings, styles). */
    private static void eachSpreadsheetPart(PackageParts parts, Consumer<Document> change) {
        for (String name : parts.xmlNames()) {
            if (name.startsWith("xl/") && name.endsWith(".xml")) {
                parts.change(name, change);
            }
        }
    }

    private static void renamePrefixIfUsed(Document document, String namespace, String prefix) {
        boolean used = PartXml.elements(document).stream().anyMatch(e -> {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                if (namespace.equals(a.getNamespaceURI()) || XMLNS.equals(a.getNamespaceURI())
                        && namespace.equals(a.getNodeValue())) {
                    return true;
                }
            }
            return namespace.equals(e.getNamespaceURI());
        });
        if (used) {
            PartXml.usePrefix(document, namespace, prefix);
        }
    }

    private static void redeclareDefaultEverywhere(Document document) {
        for (Element element : PartXml.elements(document)) {
            if (MAIN.equals(element.getNamespaceURI()) && element.getPrefix() == null) {
                PartXml.declare(element, "", MAIN);
            }
        }
    }

    // ----- Excel 365

    private static final String X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
    private static final String XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";
    private static final String XR2 = "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2";
    private static final String XR3 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3";
    private static final String XR6 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision6";
    private static final String XR10 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision10";
    private static final String X15 = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main";
    private static final String X15AC = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac";
    private static final String X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
    private static final String XM = "http://schemas.microsoft.com/office/excel/2006/main";

    /**
     * What Excel 365 writes around the same content: markup-compatibility declarations, x14ac row
     * descents, revision pointers and uids, an absPath in mc:AlternateContent, extension lists, and a
     * calculation chain listing the formula cells.
     */
    private static void excel365(PackageParts parts) {
        parts.change(WORKBOOK, d -> {
            Element root = d.getDocumentElement();
            PartXml.declare(root, "mc", MC);
            PartXml.declare(root, "x15", X15);
            PartXml.declare(root, "xr", XR);
            PartXml.declare(root, "xr6", XR6);
            PartXml.declare(root, "xr10", XR10);
            PartXml.declare(root, "xr2", XR2);
            root.setAttributeNS(MC, "mc:Ignorable", "x15 xr xr6 xr10 xr2");
            Element fileVersion = PartXml.createMain(d, "fileVersion");
            fileVersion.setAttribute("appName", "xl");
            fileVersion.setAttribute("lastEdited", "7");
            fileVersion.setAttribute("lowestEdited", "7");
            fileVersion.setAttribute("rupBuild", "27328");
            root.insertBefore(fileVersion, root.getFirstChild());
            Element workbookPr = PackageView.elements(d, "workbookPr").get(0);
            workbookPr.setAttribute("defaultThemeVersion", "166925");
            Element alternate = d.createElementNS(MC, "mc:AlternateContent");
            PartXml.declare(alternate, "mc", MC);
            Element choice = d.createElementNS(MC, "mc:Choice");
            choice.setAttribute("Requires", "x15");
            Element absPath = d.createElementNS(X15AC, "x15ac:absPath");
            PartXml.declare(absPath, "x15ac", X15AC);
            absPath.setAttribute("url", "C:\\Users\\Cán bộ\\Documents\\Báo cáo CCHC\\");
            choice.appendChild(absPath);
            alternate.appendChild(choice);
            Element revision = d.createElementNS(XR, "xr:revisionPtr");
            revision.setAttribute("revIDLastSave", "0");
            revision.setAttribute("documentId", "8_{6F2B8C1E-3A4D-4E5F-9B0A-1C2D3E4F5A6B}");
            revision.setAttributeNS(XR6, "xr6:coauthVersionLast", "47");
            revision.setAttributeNS(XR6, "xr6:coauthVersionMax", "47");
            revision.setAttributeNS(XR10, "xr10:uidLastSave", "{00000000-0000-0000-0000-000000000000}");
            Node bookViews = PackageView.elements(d, "bookViews").get(0);
            root.insertBefore(alternate, bookViews);
            root.insertBefore(revision, bookViews);
            for (Element view : PackageView.elements(d, "workbookView")) {
                view.setAttribute("xWindow", "-120");
                view.setAttribute("yWindow", "-120");
                view.setAttribute("windowWidth", "29040");
                view.setAttribute("windowHeight", "15840");
                view.setAttributeNS(XR2, "xr2:uid", "{00000000-000D-0000-FFFF-FFFF00000000}");
            }
            Element calcPr = PartXml.createMain(d, "calcPr");
            calcPr.setAttribute("calcId", "191029");
            root.appendChild(calcPr);
            Element extLst = PartXml.createMain(d, "extLst");
            Element ext = PartXml.createMain(d, "ext");
            ext.setAttribute("uri", "{140A7094-0E35-4892-8432-C4D2E57EDEB5}");
            PartXml.declare(ext, "x15", X15);
            Element x15WorkbookPr = d.createElementNS(X15, "x15:workbookPr");
            x15WorkbookPr.setAttribute("chartTrackingRefBase", "1");
            ext.appendChild(x15WorkbookPr);
            extLst.appendChild(ext);
            root.appendChild(extLst);
        });
        int sheetNumber = 0;
        StringBuilder calcChain = new StringBuilder("<calcChain xmlns=\"" + MAIN + "\">");
        for (String sheet : List.of(FORM, INFO)) {
            sheetNumber++;
            String uid = "{" + String.format("%08X", sheetNumber) + "-0000-4000-8000-00000000000" + sheetNumber + "}";
            Document d = parts.xml(sheet);
            Element root = d.getDocumentElement();
            PartXml.declare(root, "mc", MC);
            PartXml.declare(root, "x14ac", X14AC);
            PartXml.declare(root, "xr", XR);
            PartXml.declare(root, "xr2", XR2);
            PartXml.declare(root, "xr3", XR3);
            root.setAttributeNS(MC, "mc:Ignorable", "x14ac xr xr2 xr3");
            root.setAttributeNS(XR, "xr:uid", uid);
            for (Element format : PackageView.elements(d, "sheetFormatPr")) {
                format.setAttributeNS(X14AC, "x14ac:dyDescent", "0.25");
            }
            for (Element row : PackageView.elements(d, "row")) {
                row.setAttribute("spans", "1:5");
                row.setAttributeNS(X14AC, "x14ac:dyDescent", "0.25");
            }
            for (Element cell : PackageView.elements(d, "c")) {
                if (PackageView.child(cell, "f") != null) {
                    calcChain.append("<c r=\"").append(cell.getAttribute("r")).append("\" i=\"").append(sheetNumber)
                            .append("\"/>");
                }
            }
            Element extLst = PartXml.createMain(d, "extLst");
            Element ext = PartXml.createMain(d, "ext");
            ext.setAttribute("uri", "{CCE6A557-97BC-4b89-ADB8-4D3A2A0E2B3C}");
            PartXml.declare(ext, "x14", X14);
            Element validations = d.createElementNS(X14, "x14:dataValidations");
            validations.setAttribute("count", "0");
            PartXml.declare(validations, "xm", XM);
            ext.appendChild(validations);
            extLst.appendChild(ext);
            root.appendChild(extLst);
            parts.put(sheet, PartXml.write(d, PartXml.Style.PLAIN));
        }
        calcChain.append("</calcChain>");
        parts.put("xl/calcChain.xml", PartXml.write(PartXml.parse(calcChain.toString().getBytes(StandardCharsets.UTF_8)),
                PartXml.Style.PLAIN));
        addRelationship(parts, WORKBOOK, TYPE + "calcChain", "calcChain.xml");
        addOverride(parts, "/xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml");
        parts.change("docProps/app.xml", d -> {
            for (Element e : PartXml.elements(d)) {
                if (e.getLocalName().equals("Application")) {
                    e.setTextContent("Microsoft Excel");
                }
            }
        });
    }

    // ----- strings

    /** Every shared-string cell written with its string inline; the shared strings part removed. */
    private static void inlineStrings(PackageParts parts) {
        List<Element> items = PackageView.elements(parts.xml(SHARED_STRINGS), "si");
        for (String sheet : List.of(FORM, INFO)) {
            parts.change(sheet, d -> {
                for (Element cell : PackageView.elements(d, "c")) {
                    if (cell.getAttribute("t").equals("s")) {
                        Element v = PackageView.child(cell, "v");
                        Element item = items.get(Integer.parseInt(v.getTextContent()));
                        Element is = PartXml.createMain(d, "is");
                        for (Node child = item.getFirstChild(); child != null; child = child.getNextSibling()) {
                            is.appendChild(d.importNode(child, true));
                        }
                        cell.replaceChild(is, v);
                        cell.setAttribute("t", "inlineStr");
                    }
                }
            });
        }
        parts.remove(SHARED_STRINGS);
        parts.change(WORKBOOK_RELS, d -> {
            for (Element r : PartXml.elements(d, PACKAGE_REL, "Relationship")) {
                if (r.getAttribute("Type").equals(TYPE + "sharedStrings")) {
                    r.getParentNode().removeChild(r);
                }
            }
        });
        parts.change(CONTENT_TYPES, d -> {
            for (Element o : PartXml.elements(d, PartXml.CONTENT_TYPES, "Override")) {
                if (o.getAttribute("PartName").equals("/" + SHARED_STRINGS)) {
                    o.getParentNode().removeChild(o);
                }
            }
        });
    }

    /** Each string of more than one word split into two runs, the second bold in Times New Roman. */
    private static void richTextRuns(Document d) {
        for (Element item : PackageView.elements(d, "si")) {
            Element t = PackageView.child(item, "t");
            String text = t == null ? "" : t.getTextContent();
            int space = text.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            item.removeChild(t);
            item.appendChild(run(d, text.substring(0, space + 1), false));
            item.appendChild(run(d, text.substring(space + 1), true));
        }
    }

    private static Element run(Document d, String text, boolean bold) {
        Element r = PartXml.createMain(d, "r");
        if (bold) {
            Element rPr = PartXml.createMain(d, "rPr");
            rPr.appendChild(PartXml.createMain(d, "b"));
            Element font = PartXml.createMain(d, "rFont");
            font.setAttribute("val", "Times New Roman");
            rPr.appendChild(font);
            r.appendChild(rPr);
        }
        Element t = PartXml.createMain(d, "t");
        t.setAttributeNS(XML, "xml:space", "preserve");
        t.setTextContent(text);
        r.appendChild(t);
        return r;
    }

    /**
     * A phonetic run and its properties after every string, as Excel writes for East Asian text: the
     * reading is not part of the string's text.
     */
    private static void phoneticRuns(Document d) {
        for (Element item : PackageView.elements(d, "si")) {
            Element rPh = PartXml.createMain(d, "rPh");
            rPh.setAttribute("sb", "0");
            rPh.setAttribute("eb", "1");
            Element t = PartXml.createMain(d, "t");
            t.setTextContent("ふりがな");
            rPh.appendChild(t);
            item.appendChild(rPh);
            Element phoneticPr = PartXml.createMain(d, "phoneticPr");
            phoneticPr.setAttribute("fontId", "0");
            phoneticPr.setAttribute("type", "noConversion");
            item.appendChild(phoneticPr);
        }
    }

    // ----- part names

    private static void absoluteTargets(PackageParts parts) {
        parts.change("_rels/.rels", d -> {
            for (Element r : PartXml.elements(d, PACKAGE_REL, "Relationship")) {
                r.setAttribute("Target", "/" + r.getAttribute("Target"));
            }
        });
        parts.change(WORKBOOK_RELS, d -> {
            for (Element r : PartXml.elements(d, PACKAGE_REL, "Relationship")) {
                r.setAttribute("Target", "/xl/" + r.getAttribute("Target"));
            }
        });
    }

    /** Zip entries named in other case than the relationships and content types say (OPC names are case-insensitive). */
    private static void otherCase(PackageParts parts) {
        parts.rename(FORM, "xl/Worksheets/Sheet1.xml");
        parts.rename(INFO, "xl/worksheets/SHEET2.XML");
        parts.rename(SHARED_STRINGS, "xl/SharedStrings.xml");
        parts.rename("xl/styles.xml", "xl/Styles.xml");
    }

    // ----- the officer's own content

    private static final String COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    private static final String VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    /**
     * Comments as Excel writes them (a comments part, a VML drawing with a note shape for each, both
     * related from the sheet, a legacyDrawing pointing at the VML), on a cell of the form the tool
     * does not comment (B9, the wording of 1.1) and on one of the report details sheet (A5).
     */
    private static void officerComments(PackageParts parts) {
        addComment(parts, FORM, 1, "B9", "Nguyễn Văn An", "Số liệu theo báo cáo tháng 12 của Văn phòng.");
        addComment(parts, INFO, 2, "A5", "Trần Thị Bình", "Kiểm tra lại cấp đơn vị trước khi gửi.");
    }

    private static void addComment(PackageParts parts, String sheet, int number, String cell, String author, String text) {
        String comments = "xl/comments" + number + ".xml";
        String vml = "xl/drawings/vmlDrawing" + number + ".vml";
        parts.put(comments, PartXml.write(PartXml.parse(("<comments xmlns=\"" + MAIN + "\"><authors><author>" + author
                + "</author></authors><commentList><comment ref=\"" + cell + "\" authorId=\"0\"><text><r><rPr><b/>"
                + "<sz val=\"9\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr><t>" + author
                + ":</t></r><r><rPr><sz val=\"9\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr>"
                + "<t xml:space=\"preserve\">\n" + text + "</t></r></text></comment></commentList></comments>")
                .getBytes(StandardCharsets.UTF_8)), PartXml.Style.PLAIN));
        int column = cell.charAt(0) - 'A';
        int row = Integer.parseInt(cell.substring(1)) - 1;
        parts.put(vml, ("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
                + " xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\n"
                + " <o:shapelayout v:ext=\"edit\">\n  <o:idmap v:ext=\"edit\" data=\"" + number + "\"/>\n </o:shapelayout>"
                + "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">\n"
                + "  <v:stroke joinstyle=\"miter\"/>\n  <v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/>\n"
                + " </v:shapetype><v:shape id=\"_x0000_s" + (number * 1024 + 1) + "\" type=\"#_x0000_t202\""
                + " style=\"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;"
                + "visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">\n  <v:fill color2=\"#ffffe1\"/>\n"
                + "  <v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>\n  <v:path o:connecttype=\"none\"/>\n"
                + "  <v:textbox style=\"mso-direction-alt:auto\">\n   <div style=\"text-align:left\"></div>\n  </v:textbox>\n"
                + "  <x:ClientData ObjectType=\"Note\">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n"
                + "   <x:Anchor>" + (column + 1) + ", 15, " + row + ", 2, " + (column + 3) + ", 15, " + (row + 4)
                + ", 6</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n   <x:Row>" + row + "</x:Row>\n   <x:Column>" + column
                + "</x:Column>\n  </x:ClientData>\n </v:shape></xml>").getBytes(StandardCharsets.UTF_8));
        addRelationship(parts, sheet, TYPE + "comments", "../comments" + number + ".xml");
        String vmlId = addRelationship(parts, sheet, TYPE + "vmlDrawing", "../drawings/vmlDrawing" + number + ".vml");
        parts.change(sheet, d -> {
            Element legacy = PartXml.createMain(d, "legacyDrawing");
            PartXml.declare(d.getDocumentElement(), "r", REL);
            legacy.setAttributeNS(REL, "r:id", vmlId);
            insertInWorksheet(d, legacy);
        });
        addDefault(parts, "vml", VML_TYPE);
        addOverride(parts, "/" + comments, COMMENTS_TYPE);
    }

    /** A picture on the form (beside the title) and on a sheet of the officer's own. */
    private static void officerPictures(PackageParts parts) {
        String own = addSheet(parts, "Ảnh chụp biên bản", Map.of("A1", "Ảnh chụp biên bản họp ngày 20/11/2023"));
        addPicture(parts, FORM, 1, 5);
        addPicture(parts, own, 2, 2);
    }

    private static void addPicture(PackageParts parts, String sheet, int number, int column) {
        String image = "xl/media/image" + number + ".png";
        String drawing = "xl/drawings/drawing" + number + ".xml";
        parts.put(image, PICTURE);
        parts.put(drawing, PartXml.write(PartXml.parse(("<xdr:wsDr xmlns:xdr=\"" + DRAWING + "\" xmlns:a=\"" + DRAWING_MAIN
                + "\"><xdr:twoCellAnchor editAs=\"oneCell\"><xdr:from><xdr:col>" + column + "</xdr:col><xdr:colOff>0</xdr:colOff>"
                + "<xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>" + (column + 1) + "</xdr:col>"
                + "<xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:pic><xdr:nvPicPr>"
                + "<xdr:cNvPr id=\"2\" name=\"Hình " + number + "\" descr=\"Con dấu\"/><xdr:cNvPicPr><a:picLocks noChangeAspect=\"1\"/>"
                + "</xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r=\"" + REL + "\" r:embed=\"rId1\"/><a:stretch>"
                + "<a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"952500\""
                + " cy=\"571500\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>"
                + "<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>").getBytes(StandardCharsets.UTF_8)), PartXml.Style.PLAIN));
        addRelationship(parts, drawing, TYPE + "image", "../media/image" + number + ".png");
        String id = addRelationship(parts, sheet, TYPE + "drawing", "../drawings/drawing" + number + ".xml");
        parts.change(sheet, d -> {
            PartXml.declare(d.getDocumentElement(), "r", REL);
            Element element = PartXml.createMain(d, "drawing");
            element.setAttributeNS(REL, "r:id", id);
            insertInWorksheet(d, element);
        });
        addDefault(parts, "png", "image/png");
        addOverride(parts, "/" + drawing, "application/vnd.openxmlformats-officedocument.drawing+xml");
    }

    private static byte[] emptyRelationships() {
        return PartXml.write(PartXml.parse(("<Relationships xmlns=\"" + PACKAGE_REL + "\"/>")
                .getBytes(StandardCharsets.UTF_8)), PartXml.Style.PLAIN);
    }

    /**
     * A copy of the form sheet, «Phụ lục I (2)», with other figures (every number + 1000) and a
     * sheet-scoped copy of every PL_ name pointing at it, each put before the workbook-scope name it
     * shadows: the workbook-scope names are the form's, whatever their order.
     */
    private static void copiedFormSheet(PackageParts parts) {
        String copyName = FORM_SHEET + " (2)";
        Document copy = parts.xml(FORM);
        for (Element cell : PackageView.elements(copy, "c")) {
            Element v = PackageView.child(cell, "v");
            if (v != null && (cell.getAttribute("t").isEmpty() || cell.getAttribute("t").equals("n"))
                    && PackageView.child(cell, "f") == null) {
                v.setTextContent(new java.math.BigDecimal(v.getTextContent()).add(java.math.BigDecimal.valueOf(1000))
                        .toPlainString());
            }
        }
        for (Element view : PackageView.elements(copy, "sheetView")) {
            view.removeAttribute("tabSelected");
        }
        addSheetPart(parts, copyName, PartXml.write(copy, PartXml.Style.PLAIN));
        int copyIndex = sheetCount(parts) - 1;
        parts.change(WORKBOOK, d -> {
            for (Element name : PackageView.elements(d, "definedName")) {
                String text = name.getTextContent();
                if (name.getAttribute("name").startsWith("PL_") && name.getAttribute("localSheetId").isEmpty()) {
                    Element scoped = (Element) name.cloneNode(true);
                    scoped.setAttribute("localSheetId", String.valueOf(copyIndex));
                    scoped.setTextContent(text.replace("'" + FORM_SHEET + "'!", "'" + copyName + "'!"));
                    name.getParentNode().insertBefore(scoped, name);
                }
            }
        });
    }

    // ----- Strict Open XML

    /**
     * The example in ISO/IEC 29500 Strict: every namespace and relationship type in its Strict
     * spelling, the workbook marked conformance="strict".
     */
    private static void strict(PackageParts parts) {
        Map<String, String> toStrict = new LinkedHashMap<>();
        PackageView.STRICT_TO_TRANSITIONAL.forEach((strict, transitional) -> toStrict.put(transitional, strict));
        for (String name : parts.xmlNames()) {
            Document d = parts.xml(name);
            for (Element element : PartXml.elements(d)) {
                String namespace = element.getNamespaceURI();
                Element renamed = element;
                if (toStrict.containsKey(namespace)) {
                    renamed = (Element) d.renameNode(element, toStrict.get(namespace), element.getNodeName());
                }
                NamedNodeMap attributes = renamed.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (XMLNS.equals(attribute.getNamespaceURI()) && toStrict.containsKey(attribute.getValue())) {
                        attribute.setValue(toStrict.get(attribute.getValue()));
                    } else if (toStrict.containsKey(attribute.getNamespaceURI())) {
                        d.renameNode(attribute, toStrict.get(attribute.getNamespaceURI()), attribute.getName());
                    } else if (attribute.getName().equals("Type") && attribute.getValue().startsWith(TYPE)) {
                        String kind = attribute.getValue().substring(TYPE.length());
                        kind = switch (kind) {
                            case "extended-properties" -> "extendedProperties";
                            case "custom-properties" -> "customProperties";
                            default -> kind;
                        };
                        attribute.setValue(PackageView.STRICT_REL + "/" + kind);
                    }
                }
            }
            if (name.equals(WORKBOOK)) {
                d.getDocumentElement().setAttribute("conformance", "strict");
            }
            parts.put(name, PartXml.write(d, PartXml.Style.PLAIN));
        }
    }

    // ----- refusals

    /**
     * One shared string of 200,000 characters (seeded random letters, so that it does not compress
     * like a zip bomb) shown by every Ghi chú cell of the form (E9:E83, which any reader of the form
     * reads) and by 50,000 cells below the form: 15 million characters materialised by the note
     * cells alone, 10^10 by the whole sheet, from a zip of about 0.5 MB.
     */
    private static void expansionBomb(PackageParts parts) {
        Random random = new Random(17);
        String letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy ";
        StringBuilder huge = new StringBuilder(200_000);
        for (int i = 0; i < 200_000; i++) {
            huge.append(letters.charAt(random.nextInt(letters.length())));
        }
        int[] index = new int[1];
        parts.change(SHARED_STRINGS, d -> {
            Element sst = d.getDocumentElement();
            index[0] = PackageView.elements(d, "si").size();
            Element si = PartXml.createMain(d, "si");
            Element t = PartXml.createMain(d, "t");
            t.setTextContent(huge.toString());
            si.appendChild(t);
            sst.appendChild(si);
            sst.setAttribute("uniqueCount", String.valueOf(index[0] + 1));
            sst.setAttribute("count", String.valueOf(Integer.parseInt(sst.getAttribute("count")) + 50_075));
        });
        parts.change(FORM, d -> {
            for (Element c : PackageView.elements(d, "c")) {
                String ref = c.getAttribute("r");
                if (ref.matches("E([9]|[1-7][0-9]|8[0-3])")) {
                    while (c.getFirstChild() != null) {
                        c.removeChild(c.getFirstChild());
                    }
                    c.setAttribute("t", "s");
                    Element v = PartXml.createMain(d, "v");
                    v.setTextContent(String.valueOf(index[0]));
                    c.appendChild(v);
                }
            }
            Element sheetData = PackageView.elements(d, "sheetData").get(0);
            for (int row = 101; row < 101 + 5_000; row++) {
                Element r = PartXml.createMain(d, "row");
                r.setAttribute("r", String.valueOf(row));
                for (int column = 0; column < 10; column++) {
                    Element c = PartXml.createMain(d, "c");
                    c.setAttribute("r", PackageView.columnName(column) + row);
                    c.setAttribute("t", "s");
                    Element v = PartXml.createMain(d, "v");
                    v.setTextContent(String.valueOf(index[0]));
                    c.appendChild(v);
                    r.appendChild(c);
                }
                sheetData.appendChild(r);
            }
            for (Element dimension : PackageView.elements(d, "dimension")) {
                dimension.setAttribute("ref", "A1:J5100");
            }
        });
    }

    // ----- package plumbing

    /** The relationships part of a part. */
    static String relationshipsPartOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** Adds a relationship from a part (creating its relationships part); returns its id. */
    static String addRelationship(PackageParts parts, String source, String type, String target) {
        String rels = relationshipsPartOf(source);
        if (!parts.has(rels)) {
            parts.put(rels, emptyRelationships());
        }
        String[] id = new String[1];
        parts.change(rels, d -> {
            List<Element> existing = PartXml.elements(d, PACKAGE_REL, "Relationship");
            int n = existing.size() + 1;
            while (true) {
                String candidate = "rId" + n;
                if (existing.stream().noneMatch(r -> r.getAttribute("Id").equals(candidate))) {
                    id[0] = candidate;
                    break;
                }
                n++;
            }
            Element r = d.createElementNS(PACKAGE_REL, d.getDocumentElement().getPrefix() == null ? "Relationship"
                    : d.getDocumentElement().getPrefix() + ":Relationship");
            r.setAttribute("Id", id[0]);
            r.setAttribute("Type", type);
            r.setAttribute("Target", target);
            d.getDocumentElement().appendChild(r);
        });
        return id[0];
    }

    static void addOverride(PackageParts parts, String partName, String contentType) {
        parts.change(CONTENT_TYPES, d -> {
            Element override = d.createElementNS(PartXml.CONTENT_TYPES, "Override");
            override.setAttribute("PartName", partName);
            override.setAttribute("ContentType", contentType);
            d.getDocumentElement().appendChild(override);
        });
    }

    static void addDefault(PackageParts parts, String extension, String contentType) {
        parts.change(CONTENT_TYPES, d -> {
            for (Element existing : PartXml.elements(d, PartXml.CONTENT_TYPES, "Default")) {
                if (existing.getAttribute("Extension").equalsIgnoreCase(extension)) {
                    return;
                }
            }
            Element fallback = d.createElementNS(PartXml.CONTENT_TYPES, "Default");
            fallback.setAttribute("Extension", extension);
            fallback.setAttribute("ContentType", contentType);
            d.getDocumentElement().insertBefore(fallback, d.getDocumentElement().getFirstChild());
        });
    }

    /** Puts a new child of a worksheet at its place in the schema's order. */
    static void insertInWorksheet(Document d, Element child) {
        Element root = d.getDocumentElement();
        int rank = WORKSHEET_ORDER.indexOf(child.getLocalName());
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WORKSHEET_ORDER.indexOf(e.getLocalName()) > rank) {
                root.insertBefore(child, e);
                return;
            }
        }
        root.appendChild(child);
    }

    private static int sheetCount(PackageParts parts) {
        return PackageView.elements(parts.xml(WORKBOOK), "sheet").size();
    }

    /**
     * Adds a visible sheet of the officer's own after the others, its texts in the shared strings;
     * returns its part name.
     */
    static String addSheet(PackageParts parts, String name, Map<String, String> texts) {
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
        List<String> cells = new ArrayList<>(texts.keySet());
        cells.sort(java.util.Comparator.comparing((String c) -> Integer.parseInt(c.substring(1))).thenComparing(c -> c));
        int[] first = new int[1];
        parts.change(SHARED_STRINGS, d -> {
            Element sst = d.getDocumentElement();
            first[0] = PackageView.elements(d, "si").size();
            for (String cell : cells) {
                Element si = PartXml.createMain(d, "si");
                Element t = PartXml.createMain(d, "t");
                t.setTextContent(texts.get(cell));
                si.appendChild(t);
                sst.appendChild(si);
            }
            sst.setAttribute("uniqueCount", String.valueOf(first[0] + cells.size()));
            sst.setAttribute("count", String.valueOf(Integer.parseInt(sst.getAttribute("count")) + cells.size()));
        });
        int previousRow = -1;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            int row = Integer.parseInt(cell.substring(1));
            if (row != previousRow) {
                xml.append(previousRow < 0 ? "" : "</row>").append("<row r=\"").append(row).append("\">");
                previousRow = row;
            }
            xml.append("<c r=\"").append(cell).append("\" t=\"s\"><v>").append(first[0] + i).append("</v></c>");
        }
        xml.append(previousRow < 0 ? "" : "</row>").append("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\""
                + " bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
        return addSheetPart(parts, name, PartXml.write(PartXml.parse(xml.toString().getBytes(StandardCharsets.UTF_8)),
                PartXml.Style.PLAIN));
    }

    /** Adds a sheet part, its relationship, content type and {@code <sheet>} element; returns its part name. */
    private static String addSheetPart(PackageParts parts, String name, byte[] xml) {
        int number = 1;
        while (parts.has("xl/worksheets/sheet" + number + ".xml")) {
            number++;
        }
        String part = "xl/worksheets/sheet" + number + ".xml";
        parts.put(part, xml);
        String id = addRelationship(parts, WORKBOOK, TYPE + "worksheet", "worksheets/sheet" + number + ".xml");
        addOverride(parts, "/" + part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        parts.change(WORKBOOK, d -> {
            Element sheets = PackageView.elements(d, "sheets").get(0);
            int sheetId = PackageView.elements(d, "sheet").stream()
                    .mapToInt(s -> Integer.parseInt(s.getAttribute("sheetId"))).max().orElse(0) + 1;
            Element sheet = PartXml.createMain(d, "sheet");
            sheet.setAttribute("name", name);
            sheet.setAttribute("sheetId", String.valueOf(sheetId));
            sheet.setAttributeNS(REL, sheetRelPrefix(d) + ":id", id);
            sheets.appendChild(sheet);
        });
        return part;
    }

    private static String sheetRelPrefix(Document d) {
        String prefix = d.getDocumentElement().lookupPrefix(REL);
        if (prefix == null) {
            PartXml.declare(d.getDocumentElement(), "r", REL);
            return "r";
        }
        return prefix;
    }
}
