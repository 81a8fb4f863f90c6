package appendixfill.workbook;

import static appendixfill.workbook.OpcPackage.RELATIONSHIPS;
import static appendixfill.workbook.OpcPackage.WORKSHEET_TYPE;
import static appendixfill.workbook.OpcPackage.freeId;
import static appendixfill.workbook.OpcPackage.freeName;
import static appendixfill.workbook.OpcPackage.relationships;
import static appendixfill.workbook.OpcPackage.resolve;

import appendixfill.workbook.OpcPackage.ContentTypes;
import appendixfill.workbook.PatchedWorkbook.Declined;
import appendixfill.workbook.XmlText.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * workbook.xml and its relationships as a fill changes them: the findings sheet and the ledger
 * added or removed, the names scoped to a sheet kept on their sheet, the calculation chain
 * dropped (Excel rebuilds it; one naming a cell that no longer holds a formula is an error).
 */
final class WorkbookXml {

    /** A sheet of workbook.xml: its element as written, name, relationship and part. */
    record Sheet(String element, String name, String relId, String part) {
    }

    private final Map<String, byte[]> written;
    private String workbook;
    private String rels;
    private final List<Sheet> sheetList;
    private final List<String> definedNames = new ArrayList<>();

    WorkbookXml(Map<String, byte[]> written, List<Sheet> sheets) {
        this.written = written;
        this.workbook = new String(written.get("xl/workbook.xml"), StandardCharsets.UTF_8);
        this.rels = new String(written.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        this.sheetList = new ArrayList<>(sheets);
        Span names = XmlText.element(workbook, "definedNames", 0, workbook.length());
        for (Span name : XmlText.elements(workbook, "definedName", names.start() + "<definedNames".length(),
                names.end())) {
            definedNames.add(name.in(workbook));
        }
    }

    /** The sheets of workbook.xml, in order, each with its worksheet part. */
    static List<Sheet> sheets(String workbook, Map<String, Span> rels) throws Declined {
        Span sheetList = XmlText.element(workbook, "sheets", 0, workbook.length());
        if (sheetList == null) {
            throw new Declined("no <sheets>");
        }
        List<Sheet> sheets = new ArrayList<>();
        for (Span sheet : XmlText.elements(workbook, "sheet", sheetList.start() + "<sheets".length(), sheetList.end())) {
            String relId = sheet.attributes().get("r:id");
            Span rel = rels.get(relId);
            if (rel == null || !rel.attributes().getOrDefault("Type", "").endsWith("/worksheet")) {
                throw new Declined("sheet without a worksheet part: " + sheet.attributes().get("name"));
            }
            sheets.add(new Sheet(sheet.in(workbook), sheet.attributes().get("name"), relId,
                    resolve("xl/", rel.attributes().get("Target"))));
        }
        return sheets;
    }

    int sheetIndex(String name) {
        for (int i = 0; i < sheetList.size(); i++) {
            if (sheetList.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int sheetCount() {
        return sheetList.size();
    }

    String part(String name) {
        return sheetList.get(sheetIndex(name)).part();
    }

    void insertSheet(int index, String name, boolean veryHidden, ContentTypes types) {
        String part = freeName(written, "xl/worksheets/sheet", ".xml");
        String id = freeId(relationships(rels).keySet(), 0);
        int sheetId = 0;
        for (Sheet sheet : sheetList) {
            sheetId = Math.max(sheetId, Integer.parseInt(XmlText.element(sheet.element(), "sheet", 0,
                    sheet.element().length())
                    .attributes().getOrDefault("sheetId", "0")));
        }
        String element = "<sheet name=\"" + XmlText.attribute(name) + "\" sheetId=\"" + (sheetId + 1) + "\""
                + (veryHidden ? " state=\"veryHidden\"" : "") + " r:id=\"" + id + "\"/>";
        sheetList.add(index, new Sheet(element, name, id, part));
        int close = rels.lastIndexOf("</Relationships>");
        rels = rels.substring(0, close) + "<Relationship Id=\"" + id + "\" Type=\"" + RELATIONSHIPS
                + "/worksheet\" Target=\"" + part.substring("xl/".length()) + "\"/>" + rels.substring(close);
        types.override("/" + part, WORKSHEET_TYPE);
        shiftScoped(index, +1);
    }

    void removeSheet(int index, ContentTypes types) {
        Sheet sheet = sheetList.remove(index);
        removeRelationship(sheet.relId());
        written.put(sheet.part(), null);
        types.remove("/" + sheet.part());
        definedNames.removeIf(n -> String.valueOf(index).equals(scope(n)));
        shiftScoped(index + 1, -1);
    }

    void veryHidden(int index) {
        Sheet sheet = sheetList.get(index);
        sheetList.set(index, new Sheet(XmlText.withAttribute(sheet.element(), "state", "veryHidden"), sheet.name(),
                sheet.relId(), sheet.part()));
    }

    void dropCalcChain(ContentTypes types) {
        for (Map.Entry<String, Span> rel : relationships(rels).entrySet()) {
            if (rel.getValue().attributes().getOrDefault("Type", "").endsWith("/calcChain")) {
                String part = resolve("xl/", rel.getValue().attributes().get("Target"));
                removeRelationship(rel.getKey());
                written.put(part, null);
                types.remove("/" + part);
            }
        }
    }

    /** Sets a name scoped to one sheet, replacing it when there. */
    void setLocalName(String name, int sheet, String reference, boolean hidden) {
        definedNames.removeIf(n -> name.equals(XmlText.element(n, "definedName", 0, n.length()).attributes()
                .get("name")) && String.valueOf(sheet).equals(scope(n)));
        definedNames.add("<definedName name=\"" + name + "\" localSheetId=\"" + sheet + "\""
                + (hidden ? " hidden=\"1\"" : "") + ">" + XmlText.text(reference) + "</definedName>");
    }

    private String scope(String definedName) {
        return XmlText.element(definedName, "definedName", 0, definedName.length()).attributes().get("localSheetId");
    }

    /** Names scoped to sheets from {@code from} on follow their sheet when one is inserted or removed. */
    private void shiftScoped(int from, int by) {
        for (int i = 0; i < definedNames.size(); i++) {
            String scope = scope(definedNames.get(i));
            if (scope != null && Integer.parseInt(scope.trim()) >= from) {
                definedNames.set(i, XmlText.withAttribute(definedNames.get(i), "localSheetId",
                        String.valueOf(Integer.parseInt(scope.trim()) + by)));
            }
        }
        Span view = XmlText.element(workbook, "workbookView", 0, workbook.length());
        if (view != null) {
            String element = view.in(workbook);
            for (String attribute : List.of("activeTab", "firstSheet")) {
                String value = view.attributes().get(attribute);
                if (value != null && Integer.parseInt(value.trim()) >= from) {
                    element = XmlText.withAttribute(element, attribute,
                            String.valueOf(Math.max(0, Integer.parseInt(value.trim()) + by)));
                }
            }
            workbook = workbook.substring(0, view.start()) + element + workbook.substring(view.end());
        }
    }

    private void removeRelationship(String id) {
        Span rel = relationships(rels).get(id);
        if (rel != null) {
            rels = rels.substring(0, rel.start()) + rels.substring(rel.end());
        }
    }

    void store() {
        Span list = XmlText.element(workbook, "sheets", 0, workbook.length());
        StringBuilder sheetsXml = new StringBuilder("<sheets>");
        sheetList.forEach(sheet -> sheetsXml.append(sheet.element()));
        workbook = workbook.substring(0, list.start()) + sheetsXml.append("</sheets>") + workbook.substring(list.end());
        Span names = XmlText.element(workbook, "definedNames", 0, workbook.length());
        workbook = workbook.substring(0, names.start()) + "<definedNames>" + String.join("", definedNames)
                + "</definedNames>" + workbook.substring(names.end());
        written.put("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8));
        written.put("xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8));
    }
}
