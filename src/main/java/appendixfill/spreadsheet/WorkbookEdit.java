package appendixfill.spreadsheet;

import appendixfill.ooxml.Markup;
import appendixfill.ooxml.PackageEditor;
import appendixfill.ooxml.PartText;
import appendixfill.ooxml.StartTag;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Unsupported.Reason;
import appendixfill.ooxml.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * workbook.xml being changed: sheets added (with their part, relationship and content type),
 * removed or hidden, names scoped to a sheet set, and the calculation chain dropped (Excel
 * rebuilds it; one naming a cell that no longer holds a formula is an error). Names scoped to a
 * sheet, and the active and first tab, follow their sheet when sheets are inserted or removed.
 * Every element not changed is written back as it was.
 */
public final class WorkbookEdit {

    /** The worksheet content type. */
    public static final String WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    /** The workbook's children the schema puts after definedNames. */
    private static final Set<String> AFTER_DEFINED_NAMES = Set.of("calcPr", "oleSize", "customWorkbookViews",
            "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects",
            "extLst");

    /** A sheet element: its text (maybe changed), name and index as read (-1 for one added). */
    private static final class SheetElement {
        String text;
        final String name;
        final String relationship;
        final String part;

        SheetElement(String text, String name, String relationship, String part) {
            this.text = text;
            this.name = name;
            this.relationship = relationship;
            this.part = part;
        }
    }

    /** A definedName element: its text (maybe changed), name and scope. */
    private static final class NameElement {
        String text;
        final String name;
        int scope;

        NameElement(String text, String name, int scope) {
            this.text = text;
            this.name = name;
            this.scope = scope;
        }
    }

    private final PackageEditor pkg;
    private final String part;
    private final PartText text;
    private final List<SheetElement> sheets = new ArrayList<>();
    private final List<NameElement> names = new ArrayList<>();
    private final List<int[]> views = new ArrayList<>();
    private NamespaceContext sheetsScope;
    private int sheetsContentStart;
    private int sheetsContentEnd;
    private NamespaceContext namesScope;
    /** The span of the definedNames content, or where a definedNames element would go: {start, end, exists}. */
    private int namesStart;
    private int namesEnd;
    private boolean namesExist;
    private boolean changed;

    private WorkbookEdit(PackageEditor pkg, String part) throws Unsupported {
        this.pkg = pkg;
        this.part = part;
        this.text = pkg.text(part);
        read();
    }

    /** The workbook part of a package being changed. */
    public static WorkbookEdit of(PackageEditor pkg, String workbookPart) throws Unsupported {
        return new WorkbookEdit(pkg, workbookPart);
    }

    private void read() throws Unsupported {
        XMLStreamReader2 xml = text.reader();
        try {
            NamespaceContext rootScope = xml.getNonTransientNamespaceContext();
            int namesPlace = -1;
            boolean afterSheets = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (namesPlace < 0) {
                        namesPlace = offsets(xml)[0];
                    }
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                int[] span = offsets(xml);
                if (afterSheets && namesPlace < 0 && (Xml.is(xml, Xml.MARKUP_COMPATIBILITY, "AlternateContent")
                        || Xml.canonical(xml.getNamespaceURI()).equals(Xml.MAIN)
                        && AFTER_DEFINED_NAMES.contains(xml.getLocalName()))) {
                    namesPlace = span[0];
                }
                if (Xml.is(xml, Xml.MAIN, "sheets")) {
                    afterSheets = true;
                    sheetsScope = xml.getNonTransientNamespaceContext();
                    sheetsContentStart = span[1];
                    readSheets(xml);
                    sheetsContentEnd = offsets(xml)[0];
                } else if (Xml.is(xml, Xml.MAIN, "definedNames")) {
                    namesExist = true;
                    namesScope = xml.getNonTransientNamespaceContext();
                    namesStart = span[1];
                    readNames(xml);
                    int[] end = offsets(xml);
                    if (end[0] == span[0]) {
                        namesExist = false; // <definedNames/>: replaced whole
                        namesStart = span[0];
                        namesEnd = span[1];
                        namesScope = rootScope;
                    } else {
                        namesEnd = end[0];
                    }
                } else if (Xml.is(xml, Xml.MAIN, "bookViews")) {
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        int[] view = offsets(xml);
                        Xml.skip(xml);
                        views.add(new int[] {view[0], offsets(xml)[1], view[1]});
                    }
                } else {
                    Xml.skip(xml);
                }
            }
            if (sheetsScope == null) {
                throw new Unsupported(Reason.MALFORMED_XML, part, "a workbook without sheets");
            }
            if (!namesExist && namesStart == 0) {
                namesStart = namesPlace;
                namesEnd = namesPlace;
                namesScope = rootScope;
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, part);
        }
    }

    private void readSheets(XMLStreamReader2 xml) throws XMLStreamException, Unsupported {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            int[] span = offsets(xml);
            boolean isSheet = Xml.is(xml, Xml.MAIN, "sheet");
            String name = Xml.attribute(xml, "name");
            String id = Xml.attribute(xml, Xml.RELATIONSHIPS, "id");
            Xml.skip(xml);
            if (isSheet) {
                String sheetPart = pkg.source().relationship(part, String.valueOf(id)).map(r -> r.part()).orElse("");
                sheets.add(new SheetElement(text.text().substring(span[0], offsets(xml)[1]), name, id, sheetPart));
            }
        }
    }

    private void readNames(XMLStreamReader2 xml) throws XMLStreamException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            int[] span = offsets(xml);
            String name = Xml.attribute(xml, "name");
            String scope = Xml.attribute(xml, "localSheetId");
            Xml.skip(xml);
            int sheet = -1;
            try {
                sheet = scope == null ? -1 : Integer.parseInt(scope.strip());
            } catch (NumberFormatException e) {
                // A scope that is not a number names no sheet: the name is left as it is.
            }
            names.add(new NameElement(text.text().substring(span[0], offsets(xml)[1]), String.valueOf(name), sheet));
        }
    }

    private static int[] offsets(XMLStreamReader2 xml) throws XMLStreamException {
        return new int[] {(int) xml.getLocationInfo().getStartingCharOffset(),
            (int) xml.getLocationInfo().getEndingCharOffset()};
    }

    public int sheetCount() {
        return sheets.size();
    }

    /** The index of the sheet with exactly this name; -1 when there is none. */
    public int indexOf(String name) {
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).name.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** True when a sheet has this name as Excel compares sheet names (regardless of case). */
    public boolean isTaken(String name) {
        return sheets.stream().anyMatch(s -> s.name.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }

    /** The worksheet part of the sheet at an index. */
    public String part(int index) {
        return sheets.get(index).part;
    }

    /** Adds a worksheet at an index, with its own new part (to be written by the caller); returns the part's name. */
    public String insertSheet(int index, String name, boolean veryHidden) throws Unsupported {
        String sheetPart = pkg.freeName("xl/worksheets/sheet", ".xml");
        pkg.put(sheetPart, new byte[0], WORKSHEET_TYPE);
        String id = pkg.relate(part, "worksheet", sheetPart);
        int sheetId = 0;
        for (SheetElement sheet : sheets) {
            String value = StartTag.value(sheet.text, "sheetId");
            try {
                sheetId = Math.max(sheetId, value == null ? 0 : Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                // Not a number: another sheet's id is what counts.
            }
        }
        Markup markup = new Markup(sheetsScope).start(Xml.MAIN, "sheet").attribute("name", name)
                .attribute("sheetId", String.valueOf(sheetId + 1));
        if (veryHidden) {
            markup.attribute("state", "veryHidden");
        }
        markup.attribute(Xml.RELATIONSHIPS, "id", id).end(Xml.MAIN, "sheet");
        sheets.add(index, new SheetElement(markup.toString(), name, id, sheetPart));
        shift(index, +1);
        changed = true;
        return sheetPart;
    }

    /** Removes the sheet at an index with its part, relationship and the names scoped to it. */
    public void removeSheet(int index) throws Unsupported {
        SheetElement sheet = sheets.remove(index);
        pkg.unrelate(part, sheet.relationship);
        if (!sheet.part.isEmpty()) {
            pkg.remove(sheet.part);
        }
        names.removeIf(n -> n.scope == index);
        shift(index + 1, -1);
        changed = true;
    }

    /** Makes a sheet very hidden: only a program, not the Excel menu, can show it again. */
    public void veryHidden(int index) {
        SheetElement sheet = sheets.get(index);
        sheet.text = StartTag.with(sheet.text, "state", "veryHidden");
        changed = true;
    }

    /** Sets a name scoped to a sheet, in place of one of the same name and scope. */
    public void setLocalName(String name, int sheet, String formula, boolean hidden) {
        names.removeIf(n -> n.name.equalsIgnoreCase(name) && n.scope == sheet);
        Markup markup = new Markup(namesScope);
        markup.start(Xml.MAIN, "definedName").attribute("name", name).attribute("localSheetId", String.valueOf(sheet));
        if (hidden) {
            markup.attribute("hidden", "1");
        }
        markup.text(formula).end(Xml.MAIN, "definedName");
        names.add(new NameElement(markup.toString(), name, sheet));
        changed = true;
    }

    /** Names scoped to sheets from {@code from} on follow their sheet; so do the active and first tab. */
    private void shift(int from, int by) {
        for (NameElement name : names) {
            if (name.scope >= from) {
                name.scope += by;
                name.text = StartTag.with(name.text, "localSheetId", String.valueOf(name.scope));
            }
        }
        for (int[] view : views) {
            String element = text.text().substring(view[0], view[1]);
            String edited = element;
            for (String attribute : List.of("activeTab", "firstSheet")) {
                String value = StartTag.value(edited, attribute);
                if (value != null && value.strip().matches("\\d+") && Integer.parseInt(value.strip()) >= from) {
                    edited = StartTag.with(edited, attribute, String.valueOf(Math.max(0, Integer.parseInt(value.strip())
                            + by)));
                }
            }
            if (!edited.equals(element)) {
                text.replace(view[0], view[1], edited);
                view[1] = view[0] + edited.length();
            }
        }
    }

    /** Removes the calculation chain, its relationship and its content type. */
    public void dropCalcChain() throws Unsupported {
        for (var relationship : pkg.source().relationships(part)) {
            if (relationship.type().equals(Xml.RELATIONSHIPS + "/calcChain")) {
                pkg.unrelate(part, relationship.id());
                if (!relationship.part().isEmpty() && pkg.has(relationship.part())) {
                    pkg.remove(relationship.part());
                }
            }
        }
    }

    /** Writes the sheets and names back into workbook.xml. */
    public void apply() {
        if (!changed) {
            return;
        }
        StringBuilder sheetsText = new StringBuilder();
        sheets.forEach(sheet -> sheetsText.append(sheet.text));
        if (sheetsContentEnd > sheetsContentStart) {
            text.replace(sheetsContentStart, sheetsContentEnd, sheetsText.toString());
        } else {
            text.insert(sheetsContentStart, sheetsText.toString());
        }
        StringBuilder namesText = new StringBuilder();
        names.forEach(name -> namesText.append(name.text));
        if (namesExist) {
            if (namesEnd > namesStart) {
                text.replace(namesStart, namesEnd, namesText.toString());
            } else {
                text.insert(namesStart, namesText.toString());
            }
        } else if (!names.isEmpty()) {
            String element = new Markup(namesScope).start(Xml.MAIN, "definedNames").raw(namesText.toString())
                    .end(Xml.MAIN, "definedNames").toString();
            if (namesEnd > namesStart) {
                text.replace(namesStart, namesEnd, element);
            } else {
                text.insert(namesStart, element);
            }
        }
        changed = false;
    }
}
