package appendixfill.workbook;

import appendixfill.form.Layout;
import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import appendixfill.input.Typed;
import appendixfill.input.UnusableInput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;

/**
 * A Phụ lục I workbook read straight from the XML inside its zip: only the cells the catalogue
 * names, the ledger and the document properties. About ten times faster than POI's usermodel,
 * which a consolidation of thousands of workbooks needs; it gives the same typed cells as
 * {@link FormWorkbook} (a test holds the two readers to that).
 */
public final class StreamedWorkbook {

    /** No part of a genuine form comes near this; a larger one is a zip bomb or not the form. */
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    /** How much of a sheet is inflated before it is scanned further. */
    private static final int SHEET_PIECE = 4 * 1024;

    /** POI's ZipSecureFile default: an entry inflating more than 100 times is suspicious. */
    private static final double MIN_INFLATE_RATIO = 0.01;

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** One factory per thread: a consolidation reads on every core, and factories are not documented as thread-safe. */
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(StreamedWorkbook::safeFactory);

    /**
     * workbook.xml, its relationships, the document properties and styles.xml parsed, by their
     * exact bytes: workbooks made from the one template and saved by the same program often share
     * them byte for byte, and parsing them is a good part of reading a workbook. A pure function
     * of the bytes, so a hit is exact.
     */
    private static final Map<Content, Object> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bytes of a part, compared by content; {@code kind} tells what they were parsed as. */
    private record Content(String kind, byte[] bytes, int hash) {
        Content(String kind, byte[] bytes) {
            this(kind, bytes, java.util.Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Content c && c.hash == hash && c.kind.equals(kind)
                    && java.util.Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** What workbook.xml says: the sheets' relationship ids, the defined names, the date system. */
    private static final class WorkbookPart {
        final Map<String, String> sheetRelIds;
        final Map<String, String> names;
        final boolean date1904;
        /** Where the catalogue's cells are, worked out once for all the workbooks sharing this part. */
        private volatile Located located;

        WorkbookPart(Map<String, String> sheetRelIds, Map<String, String> names, boolean date1904) {
            this.sheetRelIds = Map.copyOf(sheetRelIds);
            this.names = Map.copyOf(names);
            this.date1904 = date1904;
        }

        Located locate(Catalogue catalogue) {
            Located known = located;
            if (known == null || known.catalogue() != catalogue) {
                known = Located.of(catalogue, this);
                located = known;
            }
            return known;
        }
    }

    /**
     * Where each indicator's cell is: by sheet, address → code; and the table's named cells that
     * the workbook lacks.
     */
    private record Located(Catalogue catalogue, Map<String, Map<String, String>> wanted, List<String> absent,
            int count) {

        static Located of(Catalogue catalogue, WorkbookPart workbook) {
            Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
            List<String> absent = new ArrayList<>();
            int count = 0;
            for (Indicator indicator : catalogue.indicators()) {
                if (indicator.kind() == Kind.HEADING) {
                    continue;
                }
                NamedCell ref = reference(workbook.names.get(indicator.name()));
                if (ref == null || !workbook.sheetRelIds.containsKey(ref.sheet())) {
                    // A workbook of an earlier template may lack cells added to the details sheet since:
                    // they read as blank. Only the table's own cells are required.
                    if (indicator.sheet() == appendixfill.indicator.Sheet.APPENDIX) {
                        absent.add(indicator.name());
                    }
                    continue;
                }
                count++;
                wanted.computeIfAbsent(ref.sheet(), s -> new HashMap<>()).put(ref.address(), indicator.code());
            }
            wanted.replaceAll((sheet, cells) -> Collections.unmodifiableMap(cells));
            return new Located(catalogue, Collections.unmodifiableMap(wanted), List.copyOf(absent), count);
        }
    }

    private static void remember(Content key, Object parsed) {
        // Bounded: distinct workbooks (each saved its own way) must not fill memory.
        if (PARSED.size() >= 64) {
            PARSED.clear();
        }
        PARSED.put(key, parsed);
    }

    /** Date or not, by number format: the same few formats recur in every workbook. */
    private static final Map<String, Boolean> DATE_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, Typed> typed;
    private final Map<String, String> properties;
    private final Map<String, List<List<String>>> extraSheets;

    private StreamedWorkbook(Map<String, Typed> typed, Map<String, String> properties,
            Map<String, List<List<String>>> extraSheets) {
        this.typed = typed;
        this.properties = properties;
        this.extraSheets = extraSheets;
    }

    /**
     * Reads a workbook, or says in Vietnamese why it cannot be used.
     *
     * @param extraSheetNames sheets to read whole, as text, when the workbook has them
     */
    public static StreamedWorkbook read(Path file, Catalogue catalogue, Set<String> extraSheetNames)
            throws UnusableInput {
        String shown = "«" + file + "»";
        if (Files.isDirectory(file) || !Files.isRegularFile(file)) {
            throw new UnusableInput("Không tìm thấy tệp " + shown + ".");
        }
        try {
            return new Parse(new InMemory(ZipParts.read(file)), shown, catalogue, extraSheetNames).run();
        } catch (IOException | XMLStreamException | RuntimeException | UnusableInput e) {
            // What the fast way does not read, or refuses, is read again by ZipFile, which decides
            // what the file is and says so as it always has.
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw notAZip(file, shown, e);
        }
        try (zip) {
            return new Parse(new Zipped(zip), shown, catalogue, extraSheetNames).run();
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new UnusableInput("Tệp " + shown + " bị hỏng, không đọc được như tệp Excel (.xlsx). "
                    + "Hãy mở lại bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi gửi lại.", e);
        }
    }

    /** What each named cell held as the officer typed it (what the tool rewrote is taken back). */
    public Map<String, Typed> typed() {
        return typed;
    }

    /** A custom document property, such as the template's version. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The template's identifier the workbook carries, if it carries one. */
    public Optional<String> template() {
        return property(Layout.PROPERTY_TEMPLATE);
    }

    /** The template's version the workbook carries, if it carries one. */
    public Optional<String> templateVersion() {
        return property(Layout.PROPERTY_VERSION);
    }

    /** The rows of an extra sheet asked for, as text, blank cells as ""; empty when absent. */
    public List<List<String>> sheet(String name) {
        return extraSheets.getOrDefault(name, List.of());
    }

    private static UnusableInput notAZip(Path file, String shown, IOException cause) {
        byte[] head = new byte[8];
        int read = 0;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return new UnusableInput("Không đọc được tệp " + shown + ": " + e.getMessage() + ".", e);
        }
        if (read == 0) {
            return new UnusableInput("Tệp " + shown + " rỗng (0 byte).", cause);
        }
        if (read == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
            return new UnusableInput("Tệp " + shown + " là định dạng Excel 97–2003 (.xls), hoặc được đặt mật khẩu. "
                    + "Hãy mở bằng Excel, bỏ mật khẩu nếu có, lưu lại dưới dạng .xlsx rồi gửi lại.", cause);
        }
        if (head[0] == 'P' && head[1] == 'K') {
            return new UnusableInput("Tệp " + shown + " bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong). "
                    + "Hãy lấy lại tệp gốc.", cause);
        }
        return new UnusableInput("Tệp " + shown + " không phải là tệp Excel (.xlsx).", cause);
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Workbooks arrive by e-mail from outside: no DTD, no external entity is ever resolved.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** A cell as stored: its type attribute, style, value text and formula, before it is typed. */
    record RawCell(String type, int style, String value, String formula, String inline) {
    }

    /** A workbook's zip as the reader uses it. */
    private interface Archive {
        boolean has(String part);

        /** The size the zip declares for the part; -1 when it does not say. */
        long size(String part);

        long compressedSize(String part);

        /** The part's content, inflated as it is read. */
        InputStream stream(String part) throws IOException;

        /** What identifies the part's content exactly without inflating it, when the archive can tell. */
        Optional<byte[]> stored(String part);
    }

    /** The zip read by java.util.zip.ZipFile. */
    private record Zipped(ZipFile zip) implements Archive {
        @Override
        public boolean has(String part) {
            return zip.getEntry(part) != null;
        }

        @Override
        public long size(String part) {
            return zip.getEntry(part).getSize();
        }

        @Override
        public long compressedSize(String part) {
            return zip.getEntry(part).getCompressedSize();
        }

        @Override
        public InputStream stream(String part) throws IOException {
            return zip.getInputStream(zip.getEntry(part));
        }

        @Override
        public Optional<byte[]> stored(String part) {
            return Optional.empty();
        }
    }

    /** The zip read whole into memory by {@link ZipParts}. */
    private record InMemory(ZipParts zip) implements Archive {
        @Override
        public boolean has(String part) {
            return zip.has(part);
        }

        @Override
        public long size(String part) {
            return zip.size(part);
        }

        @Override
        public long compressedSize(String part) {
            return zip.compressedSize(part);
        }

        @Override
        public InputStream stream(String part) throws IOException {
            return zip.open(part);
        }

        @Override
        public Optional<byte[]> stored(String part) {
            return Optional.of(zip.stored(part));
        }
    }

    /** Parses the bytes of a part. */
    private interface PartParser<T> {
        T parse(byte[] bytes) throws IOException, XMLStreamException;
    }

    /** One reading of one zip. */
    private static final class Parse {
        private final Archive zip;
        private final String shown;
        private final Catalogue catalogue;
        private final Set<String> extraSheetNames;
        private Map<Integer, String> shared = Map.of();

        Parse(Archive zip, String shown, Catalogue catalogue, Set<String> extraSheetNames) {
            this.zip = zip;
            this.shown = shown;
            this.catalogue = catalogue;
            this.extraSheetNames = extraSheetNames;
        }

        StreamedWorkbook run() throws IOException, XMLStreamException, UnusableInput {
            if (!zip.has("xl/workbook.xml")) {
                throw new UnusableInput("Tệp " + shown + " không phải bảng tính Excel (.xlsx) (không có xl/workbook.xml).");
            }
            WorkbookPart workbook = readWorkbook();
            Map<String, String> sheetRelIds = workbook.sheetRelIds;
            Map<String, String> targets = readRelationships("xl/_rels/workbook.xml.rels");
            Map<String, String> properties = readCustomProperties();
            if (Layout.CONSOLIDATION_TEMPLATE.equals(properties.get(Layout.PROPERTY_TEMPLATE))) {
                // A consolidation has no cells of the form: its totals are in its hidden sheet.
                return new StreamedWorkbook(Map.of(), properties, readExtraSheets(sheetRelIds, targets, Map.of()));
            }

            Located located = workbook.locate(catalogue);
            Map<String, Map<String, String>> wanted = located.wanted();
            List<String> absent = located.absent();
            if (located.count() == 0) {
                throw new UnusableInput("Tệp " + shown + " không phải biểu Phụ lục I theo mẫu của appendix-fill: "
                        + "không có ô nào được đặt tên như PL_1_1.");
            }
            if (!absent.isEmpty()) {
                throw new UnusableInput("Tệp " + shown + " thiếu " + absent.size() + " ô được đặt tên của mẫu Phụ lục I ("
                        + String.join(", ", absent.subList(0, Math.min(5, absent.size())))
                        + (absent.size() > 5 ? ", …" : "") + "); có thể các dòng đã bị xóa.");
            }

            Map<String, RawCell> raw = new HashMap<>(2 * located.count());
            for (Map.Entry<String, Map<String, String>> sheet : wanted.entrySet()) {
                String part = sheetPart(targets, sheetRelIds.get(sheet.getKey()));
                readCells(part, sheet.getValue(), raw, false);
            }
            Map<String, List<List<String>>> extra = readExtraSheets(sheetRelIds, targets, raw);
            NumberFormats styles = raw.values().stream().anyMatch(Parse::isNumberish) ? readStyles(targets)
                    : NumberFormats.NONE;
            Ledger ledger = Ledger.fromRows(extra.getOrDefault(Layout.LEDGER_SHEET, List.of()));
            Map<String, Typed> typed = new LinkedHashMap<>();
            for (Indicator indicator : catalogue.indicators()) {
                if (indicator.kind() == Kind.HEADING) {
                    continue;
                }
                RawCell cell = raw.get(indicator.code());
                Typed current = cell == null ? Typed.BLANK : type(cell, shared, styles, workbook.date1904);
                typed.put(indicator.code(), ledger.original(indicator.code(), current));
            }
            if (!extraSheetNames.contains(Layout.LEDGER_SHEET)) {
                extra.remove(Layout.LEDGER_SHEET);
            }
            return new StreamedWorkbook(Collections.unmodifiableMap(typed), properties, extra);
        }

        /** The ledger and the extra sheets asked for, whole, as text. */
        private Map<String, List<List<String>>> readExtraSheets(Map<String, String> sheetRelIds,
                Map<String, String> targets, Map<String, RawCell> named) throws IOException, XMLStreamException {
            Map<String, Map<String, RawCell>> extraRaw = new LinkedHashMap<>();
            Set<String> extraNames = new java.util.TreeSet<>(extraSheetNames);
            extraNames.add(Layout.LEDGER_SHEET);
            for (String name : extraNames) {
                if (sheetRelIds.containsKey(name)) {
                    Map<String, RawCell> cells = new HashMap<>();
                    readCells(sheetPart(targets, sheetRelIds.get(name)), null, cells, true);
                    extraRaw.put(name, cells);
                }
            }
            // Shared strings are read once, keeping only the ones the cells refer to.
            Set<Integer> needed = new HashSet<>();
            named.values().forEach(c -> addShared(c, needed));
            extraRaw.values().forEach(m -> m.values().forEach(c -> addShared(c, needed)));
            shared = needed.isEmpty() ? Map.of() : readSharedStrings(targets, needed);
            Map<String, List<List<String>>> extra = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, RawCell>> sheet : extraRaw.entrySet()) {
                extra.put(sheet.getKey(), rows(sheet.getValue(), shared));
            }
            return extra;
        }

        private WorkbookPart readWorkbook() throws IOException, XMLStreamException {
            return cached("workbook", "xl/workbook.xml", bytes -> {
                Map<String, String> sheetRelIds = new LinkedHashMap<>();
                Map<String, String> names = new HashMap<>();
                boolean[] date1904 = {false};
                parseWorkbook(bytes, sheetRelIds, names, date1904);
                return new WorkbookPart(sheetRelIds, names, date1904[0]);
            });
        }

        /**
         * A part parsed, or found parsed already: by its compressed bytes when the archive has them
         * at hand (then it is not even inflated), else by its bytes.
         */
        @SuppressWarnings("unchecked")
        private <T> T cached(String kind, String part, PartParser<T> parser) throws IOException, XMLStreamException {
            Optional<Content> storedKey = zip.stored(part).map(stored -> new Content(kind + " stored", stored));
            if (storedKey.isPresent()) {
                T known = (T) PARSED.get(storedKey.get());
                if (known != null) {
                    return known;
                }
            }
            byte[] bytes = bytes(part);
            Content key = new Content(kind, bytes);
            T known = (T) PARSED.get(key);
            if (known == null) {
                known = parser.parse(bytes);
                remember(key, known);
            }
            if (storedKey.isPresent()) {
                remember(storedKey.get(), known);
            }
            return known;
        }

        private void parseWorkbook(byte[] bytes, Map<String, String> sheetRelIds, Map<String, String> names,
                boolean[] date1904) throws IOException, XMLStreamException {
            List<SheetScanner.Element> sheets = SheetScanner.elements(bytes, "sheet", 0, bytes.length);
            if (!sheets.isEmpty()) {
                for (SheetScanner.Element sheet : sheets) {
                    sheetRelIds.put(sheet.attribute("name"), sheet.attribute("r:id"));
                }
                for (SheetScanner.Element name : SheetScanner.elements(bytes, "definedName", 0, bytes.length)) {
                    names.putIfAbsent(name.attribute("name"), name.text());
                }
                for (SheetScanner.Element properties : SheetScanner.elements(bytes, "workbookPr", 0, bytes.length)) {
                    String value = properties.attribute("date1904");
                    date1904[0] = "1".equals(value) || "true".equals(value);
                }
                if (sheetRelIds.values().stream().noneMatch(java.util.Objects::isNull)) {
                    return;
                }
                sheetRelIds.clear();
                names.clear();
            }
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                XMLStreamReader xml = XML.get().createXMLStreamReader(in);
                try {
                    while (xml.hasNext()) {
                        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        switch (xml.getLocalName()) {
                            case "workbookPr" -> {
                                String value = xml.getAttributeValue(null, "date1904");
                                date1904[0] = "1".equals(value) || "true".equals(value);
                            }
                            case "sheet" -> sheetRelIds.put(xml.getAttributeValue(null, "name"),
                                    xml.getAttributeValue(REL_NS, "id"));
                            case "definedName" -> {
                                String name = xml.getAttributeValue(null, "name");
                                String text = xml.getElementText();
                                // As POI's getName: the first definition of a name wins.
                                names.putIfAbsent(name, text);
                            }
                            default -> {
                            }
                        }
                    }
                } finally {
                    xml.close();
                }
            }
        }

        private Map<String, String> readRelationships(String part) throws IOException, XMLStreamException {
            return cached("relationships", part, bytes -> Map.copyOf(parseRelationships(bytes)));
        }

        private static Map<String, String> parseRelationships(byte[] bytes) throws IOException, XMLStreamException {
            Map<String, String> targets = new HashMap<>();
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                XMLStreamReader xml = XML.get().createXMLStreamReader(in);
                try {
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                            targets.put(xml.getAttributeValue(null, "Id"), xml.getAttributeValue(null, "Target"));
                        }
                    }
                } finally {
                    xml.close();
                }
            }
            return targets;
        }

        private static String sheetPart(Map<String, String> targets, String relId) throws IOException {
            String target = targets.get(relId);
            if (target == null) {
                throw new IOException("no relationship " + relId);
            }
            return part(target);
        }

        /** A relationship target of xl/workbook.xml as a zip entry name. */
        private static String part(String target) {
            return target.startsWith("/") ? target.substring(1) : "xl/" + target;
        }

        /**
         * Reads the cells of one sheet: those in {@code wanted} (address → code, stored under the
         * code), or every cell when {@code all} (stored under its address).
         */
        private void readCells(String part, Map<String, String> wanted, Map<String, RawCell> out, boolean all)
                throws IOException, XMLStreamException {
            SheetScanner scanner = new SheetScanner(wanted, out, all);
            SheetScanner.Outcome outcome;
            try (InputStream in = open(part)) {
                // Inflated a piece at a time and scanned as it comes: the scan says when it has
                // what it needs, and the rest of the sheet (a form's validations are more than
                // half of it) is never inflated.
                long size = zip.size(part);
                byte[] xml = new byte[(int) Math.min(size >= 0 ? size : SHEET_PIECE, 1 << 20)];
                int length = 0;
                boolean complete = false;
                do {
                    if (xml.length - length < SHEET_PIECE) {
                        xml = java.util.Arrays.copyOf(xml, Math.max(xml.length * 2, length + SHEET_PIECE));
                    }
                    int read = in.readNBytes(xml, length, SHEET_PIECE);
                    length += read;
                    if (read < SHEET_PIECE) {
                        complete = true;
                        if (size >= 0 && length != size) {
                            throw new IOException(part + " is not the size its zip entry declares");
                        }
                    }
                    outcome = scanner.scan(xml, length, complete);
                } while (outcome == SheetScanner.Outcome.MORE);
            }
            if (outcome == SheetScanner.Outcome.UNREADABLE) {
                readCellsWithStax(part, wanted, out, all);
            }
        }

        /** The general reader, for sheets the scanner does not recognise (e.g. prefixed elements). */
        private void readCellsWithStax(String part, Map<String, String> wanted, Map<String, RawCell> out, boolean all)
                throws IOException, XMLStreamException {
            int remaining = all ? Integer.MAX_VALUE : wanted.size();
            try (InputStream in = open(part)) {
                XMLStreamReader xml = XML.get().createXMLStreamReader(in);
                try {
                    while (xml.hasNext() && remaining > 0) {
                        if (xml.next() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
                            continue;
                        }
                        String address = xml.getAttributeValue(null, "r");
                        String key = all ? address : wanted.get(address);
                        if (key == null) {
                            continue;
                        }
                        out.put(key, cell(xml));
                        remaining--;
                    }
                } finally {
                    xml.close();
                }
            }
        }

        /** Reads one {@code <c>} element, the reader standing on its start. */
        private static RawCell cell(XMLStreamReader xml) throws XMLStreamException {
            String type = xml.getAttributeValue(null, "t");
            String s = xml.getAttributeValue(null, "s");
            int style = s == null ? 0 : Integer.parseInt(s);
            String value = null;
            String formula = null;
            StringBuilder inline = null;
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("v")) {
                        value = xml.getElementText();
                    } else if (name.equals("f")) {
                        formula = xml.getElementText();
                    } else if (name.equals("t") && inline != null) {
                        inline.append(xml.getElementText());
                    } else if (name.equals("is")) {
                        inline = new StringBuilder();
                        depth++;
                    } else if (name.equals("rPh")) {
                        skip(xml);
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return new RawCell(type == null ? "n" : type, style, value, formula,
                    inline == null ? null : inline.toString());
        }

        private static void skip(XMLStreamReader xml) throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private static void addShared(RawCell cell, Set<Integer> needed) {
            if (cell.type().equals("s") && cell.value() != null && !cell.value().isBlank()) {
                needed.add(Integer.parseInt(cell.value().trim()));
            }
        }

        private static boolean isNumberish(RawCell cell) {
            return cell.type().equals("n") && cell.value() != null;
        }

        private Map<Integer, String> readSharedStrings(Map<String, String> targets, Set<Integer> needed)
                throws IOException, XMLStreamException {
            String part = targets.values().stream().filter(t -> t.endsWith("sharedStrings.xml")).findFirst()
                    .map(Parse::part).orElse("xl/sharedStrings.xml");
            Map<Integer, String> shared = new HashMap<>();
            int highest = needed.stream().mapToInt(Integer::intValue).max().orElse(-1);
            try (InputStream in = open(part)) {
                XMLStreamReader xml = XML.get().createXMLStreamReader(in);
                try {
                    int index = -1;
                    StringBuilder text = null;
                    while (xml.hasNext() && index <= highest) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            String name = xml.getLocalName();
                            if (name.equals("si")) {
                                index++;
                                text = needed.contains(index) ? new StringBuilder() : null;
                            } else if (name.equals("rPh")) {
                                skip(xml);
                            } else if (name.equals("t") && text != null) {
                                text.append(xml.getElementText());
                            }
                        } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("si")
                                && text != null) {
                            shared.put(index, text.toString());
                        }
                    }
                } finally {
                    xml.close();
                }
            }
            return shared;
        }

        private NumberFormats readStyles(Map<String, String> targets) throws IOException, XMLStreamException {
            String part = targets.values().stream().filter(t -> t.endsWith("styles.xml")).findFirst()
                    .map(Parse::part).orElse("xl/styles.xml");
            if (!zip.has(part)) {
                return NumberFormats.NONE;
            }
            return cached("styles", part, Parse::parseStyles);
        }

        private static NumberFormats parseStyles(byte[] bytes) throws IOException, XMLStreamException {
            Map<Integer, String> formats = new HashMap<>();
            List<Integer> xfs = new ArrayList<>();
            int cellXfs = SheetScanner.find(bytes, "<cellXfs", 0);
            int cellXfsEnd = cellXfs < 0 ? -1 : SheetScanner.find(bytes, "</cellXfs>", cellXfs);
            if (cellXfsEnd > 0) {
                for (SheetScanner.Element format : SheetScanner.elements(bytes, "numFmt", 0, bytes.length)) {
                    formats.put(Integer.parseInt(format.attribute("numFmtId")), format.attribute("formatCode"));
                }
                for (SheetScanner.Element xf : SheetScanner.elements(bytes, "xf", cellXfs, cellXfsEnd)) {
                    String id = xf.attribute("numFmtId");
                    xfs.add(id == null ? 0 : Integer.parseInt(id));
                }
                return new NumberFormats(formats, xfs);
            }
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                XMLStreamReader xml = XML.get().createXMLStreamReader(in);
                try {
                    boolean inCellXfs = false;
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.START_ELEMENT) {
                            switch (xml.getLocalName()) {
                                case "numFmt" -> formats.put(Integer.parseInt(xml.getAttributeValue(null, "numFmtId")),
                                        xml.getAttributeValue(null, "formatCode"));
                                case "cellXfs" -> inCellXfs = true;
                                case "xf" -> {
                                    if (inCellXfs) {
                                        String id = xml.getAttributeValue(null, "numFmtId");
                                        xfs.add(id == null ? 0 : Integer.parseInt(id));
                                    }
                                }
                                default -> {
                                }
                            }
                        } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
                            break;
                        }
                    }
                } finally {
                    xml.close();
                }
            }
            return new NumberFormats(formats, xfs);
        }

        private Map<String, String> readCustomProperties() throws IOException, XMLStreamException {
            if (!zip.has("docProps/custom.xml")) {
                return Map.of();
            }
            return cached("properties", "docProps/custom.xml",
                    bytes -> Collections.unmodifiableMap(parseCustomProperties(bytes)));
        }

        private static Map<String, String> parseCustomProperties(byte[] bytes) throws IOException, XMLStreamException {
            Map<String, String> properties = new TreeMap<>();
            List<SheetScanner.Element> found = SheetScanner.elements(bytes, "property", 0, bytes.length);
            if (!found.isEmpty()) {
                for (SheetScanner.Element property : found) {
                    properties.put(property.attribute("name"), property.text());
                }
                return properties;
            }
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                XMLStreamReader xml = XML.get().createXMLStreamReader(in);
                try {
                    String name = null;
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        if (xml.getLocalName().equals("property")) {
                            name = xml.getAttributeValue(null, "name");
                        } else if (name != null) {
                            properties.put(name, xml.getElementText());
                            name = null;
                        }
                    }
                } finally {
                    xml.close();
                }
            }
            return properties;
        }

        private byte[] bytes(String part) throws IOException {
            try (InputStream in = open(part)) {
                long size = zip.size(part);
                if (size < 0 || size > MAX_ENTRY_BYTES) {
                    return in.readAllBytes();
                }
                // The size the zip declares, checked: a shorter entry is corrupt, a longer one is read on.
                byte[] bytes = in.readNBytes((int) size);
                byte[] rest = in.readAllBytes();
                if (bytes.length < size || rest.length > 0) {
                    throw new IOException(part + " is not the size its zip entry declares");
                }
                return bytes;
            }
        }

        private InputStream open(String part) throws IOException {
            if (!zip.has(part)) {
                throw new IOException("missing part " + part);
            }
            long size = zip.size(part);
            if (size > MAX_ENTRY_BYTES) {
                throw new IOException(part + " declares " + size + " bytes");
            }
            return new Bounded(zip.stream(part), part, zip.compressedSize(part));
        }
    }

    /** The number formats of a styles part, as the readers need them to tell dates and percentages. */
    static NumberFormats numberFormats(byte[] styles) throws IOException, XMLStreamException {
        return Parse.parseStyles(styles);
    }

    /** Typed content of a raw cell, as {@link Cells#read} gives it for a POI cell. */
    static Typed type(RawCell cell, Map<Integer, String> shared, NumberFormats styles, boolean date1904) {
        if (cell.formula() != null) {
            return new Typed.Formula(cell.formula(), value(cell, shared, styles, date1904, true));
        }
        return value(cell, shared, styles, date1904, false);
    }

    private static Typed value(RawCell cell, Map<Integer, String> shared, NumberFormats styles, boolean date1904,
            boolean formula) {
        String v = cell.value();
        switch (cell.type()) {
            case "s" -> {
                if (v == null || v.isBlank()) {
                    return Typed.BLANK;
                }
                String text = XmlText.decodeExcel(shared.get(Integer.parseInt(v.trim())));
                return text == null || text.isEmpty() ? Typed.BLANK : new Typed.Text(text);
            }
            case "str" -> {
                return v == null || v.isEmpty() ? Typed.BLANK : new Typed.Text(XmlText.decodeExcel(v));
            }
            case "inlineStr" -> {
                String text = XmlText.decodeExcel(cell.inline() != null ? cell.inline() : v);
                return text == null || text.isEmpty() ? Typed.BLANK : new Typed.Text(text);
            }
            case "b" -> {
                return v == null ? Typed.BLANK : new Typed.Bool("1".equals(v.trim()) || "true".equals(v.trim()));
            }
            case "e" -> {
                return v == null ? Typed.BLANK : new Typed.Error(FormulaError.forString(v.trim()).getString());
            }
            default -> {
                // A formula without a saved result reads as 0, as POI reads it.
                if ((v == null || v.isEmpty()) && !formula) {
                    return Typed.BLANK;
                }
                double number = v == null || v.isEmpty() ? 0.0 : Double.parseDouble(v.trim());
                if (styles.isDate(cell.style()) && DateUtil.isValidExcelDate(number)) {
                    return new Typed.Date(DateUtil.getLocalDateTime(number, date1904).toLocalDate());
                }
                boolean percent = styles.isPercent(cell.style());
                return new Typed.Number(new BigDecimal(Double.toString(number)), percent);
            }
        }
    }

    static List<List<String>> rows(Map<String, RawCell> cells, Map<Integer, String> shared) {
        TreeMap<Integer, TreeMap<Integer, String>> grid = new TreeMap<>();
        for (Map.Entry<String, RawCell> entry : cells.entrySet()) {
            CellReference ref = new CellReference(entry.getKey());
            RawCell cell = entry.getValue();
            String text;
            if (cell.type().equals("s")) {
                text = cell.value() == null ? "" : shared.getOrDefault(Integer.parseInt(cell.value().trim()), "");
            } else if (cell.type().equals("inlineStr")) {
                text = cell.inline() == null ? "" : cell.inline();
            } else {
                text = cell.value() == null ? "" : cell.value();
            }
            grid.computeIfAbsent(ref.getRow(), r -> new TreeMap<>()).put((int) ref.getCol(), XmlText.decodeExcel(text));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= (grid.isEmpty() ? -1 : grid.lastKey()); r++) {
            TreeMap<Integer, String> row = grid.get(r);
            List<String> values = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c <= row.lastKey(); c++) {
                    values.add(row.getOrDefault(c, ""));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    /** Where a defined name points: a sheet and a cell address without $ (D9). */
    record NamedCell(String sheet, String address) {
    }

    /** 'Phụ lục I'!$D$9 → the cell; null for a range, an error or anything else. */
    static NamedCell reference(String formula) {
        if (formula == null || formula.contains("#REF!") || formula.contains(":") || !formula.contains("!")) {
            return null;
        }
        int bang = formula.lastIndexOf('!');
        String sheet = formula.substring(0, bang).strip();
        if (sheet.length() >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
            sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
        }
        String cell = formula.substring(bang + 1).strip().replace("$", "");
        int digits = 0;
        while (digits < cell.length() && (cell.charAt(digits) | 0x20) >= 'a' && (cell.charAt(digits) | 0x20) <= 'z') {
            digits++;
        }
        boolean valid = digits >= 1 && digits <= 3 && digits < cell.length() && cell.length() - digits <= 7
                && cell.chars().skip(digits).allMatch(c -> c >= '0' && c <= '9') && cell.charAt(digits) != '0';
        if (sheet.isEmpty() || !valid) {
            return null;
        }
        return new NamedCell(sheet, cell.toUpperCase(java.util.Locale.ROOT));
    }

    /** The number formats of the cell styles: enough to tell dates and percentages. */
    record NumberFormats(Map<Integer, String> formats, List<Integer> xfs) {
        static final NumberFormats NONE = new NumberFormats(Map.of(), List.of());

        int formatId(int style) {
            return style < xfs.size() ? xfs.get(style) : 0;
        }

        String format(int style) {
            int id = formatId(style);
            String format = formats.get(id);
            return format != null ? format : BuiltinFormats.getBuiltinFormat(id);
        }

        /** As POI's DateUtil decides it for a cell of this style. */
        boolean isDate(int style) {
            if (!mayBeDate(formatId(style), format(style))) {
                // Most formats (General, 0.##, 0%) are told at once, without starting DateUtil's
                // regular expressions: that alone is a tenth of a single fill's time.
                return false;
            }
            // Decided once per format: DateUtil's test runs regular expressions.
            String key = formatId(style) + "\u0000" + format(style);
            Boolean known = DATE_FORMATS.get(key);
            if (known != null) {
                return known;
            }
            boolean date = DateUtil.isADateFormat(formatId(style), format(style));
            // Bounded: a workbook crafted with thousands of formats must not grow it without end.
            if (DATE_FORMATS.size() < 10_000) {
                DATE_FORMATS.put(key, date);
            }
            return date;
        }

        /** False when a format cannot show a date: not one of Excel's date formats, and no d, m, y, h or s in it. */
        private static boolean mayBeDate(int id, String format) {
            if (id >= 14 && id <= 22 || id >= 45 && id <= 47) {
                return true;
            }
            if (format == null) {
                return false;
            }
            for (int i = 0; i < format.length(); i++) {
                if ("dmyhsDMYHS".indexOf(format.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        boolean isPercent(int style) {
            String format = format(style);
            return format != null && format.contains("%");
        }
    }

    /** Stops reading an entry that inflates beyond the limits, whatever its header claims. */
    private static final class Bounded extends FilterInputStream {
        private final String part;
        private final long compressed;
        private long count;

        Bounded(InputStream in, String part, long compressed) {
            super(in);
            this.part = part;
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) throws IOException {
            count += n;
            if (count > MAX_ENTRY_BYTES) {
                throw new IOException(part + " inflates beyond " + MAX_ENTRY_BYTES + " bytes");
            }
            // Small entries are exempt, as in POI: a short XML part compresses very well.
            if (count > 100_000 && compressed > 0 && (double) compressed / count < MIN_INFLATE_RATIO) {
                throw new IOException(part + " inflates more than 100 times: a zip bomb?");
            }
        }
    }
}
