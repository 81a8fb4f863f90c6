package appendixfill.workbook;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes N commune workbooks for the consolidation benchmark, with varied, realistic values:
 * blanks, 0 ÷ 0 rates, parts larger than their whole, numbers typed over rates, counts typed with
 * their unit. Fast because POI builds the template once; each unit is the template's zip with its
 * two sheets' XML patched (typed texts as inline strings, so the shared strings stay as they are).
 *
 * <p>Run: {@code java -cp … appendixfill.workbook.UnitWorkbookGenerator N DIR [SEED]}.
 */
public final class UnitWorkbookGenerator {

    private static final String[] PLACES = {"An", "Bình", "Cao", "Đông", "Hòa", "Kim", "Long", "Minh", "Nam", "Phú",
        "Quang", "Sơn", "Tân", "Thạch", "Trung", "Vĩnh", "Xuân", "Yên"};

    private final Map<String, byte[]> template = new LinkedHashMap<>();
    private final Map<String, String> partOf = new LinkedHashMap<>();
    private final Map<String, String> addressOf = new LinkedHashMap<>();
    private final Catalogue catalogue = Catalogue.standard();

    public UnitWorkbookGenerator() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new TemplateBuilder(catalogue).build()) {
            for (Indicator indicator : catalogue.indicators()) {
                if (indicator.kind() != Kind.HEADING) {
                    CellReference ref = new CellReference(workbook.getName(indicator.name()).getRefersToFormula());
                    int sheet = workbook.getSheetIndex(ref.getSheetName());
                    partOf.put(indicator.code(), "xl/worksheets/sheet" + (sheet + 1) + ".xml");
                    addressOf.put(indicator.code(), new CellReference(ref.getRow(), ref.getCol()).formatAsString());
                }
            }
            workbook.write(bytes);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                template.put(entry.getName(), zip.readAllBytes());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1]));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2025;
        UnitWorkbookGenerator generator = new UnitWorkbookGenerator();
        for (int i = 1; i <= count; i++) {
            generator.write(generator.cells(i, new Random(seed * 100_003 + i)), folder.resolve(fileName(i)));
        }
        System.out.println("Đã ghi " + count + " biểu vào " + folder);
    }

    static String fileName(int unit) {
        return String.format("%05d.xlsx", unit);
    }

    /**
     * The cells of unit number {@code unit}: code → "n:46", "t:Có", or "" for a cell left blank
     * (on a rate, a blank cell keeps the formula; "v:…" types a number over it).
     */
    public Map<String, String> cells(int unit, Random random) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("unit.level", "t:" + (random.nextInt(5) == 0 ? "phường" : "xã"));
        cells.put("unit.name", "t:" + PLACES[unit % PLACES.length] + " " + PLACES[(unit / PLACES.length) % PLACES.length]
                + " " + unit);
        cells.put("period", "t:năm");
        cells.put("year", "n:" + (random.nextInt(200) == 0 ? 2023 : 2024));
        cells.put("report.date", "t:" + (1 + random.nextInt(28)) + "/11/2024");
        cells.put("report.number", "t:" + (100 + random.nextInt(300)));
        for (Indicator rate : catalogue.indicators()) {
            if (rate.kind() != Kind.RATE) {
                continue;
            }
            int roll = random.nextInt(100);
            long whole = roll < 6 ? 0 : 1 + random.nextInt(roll < 50 ? 40 : 600);
            long part = whole == 0 ? 0 : (long) Math.floor(whole * random.nextDouble());
            if (roll == 99) {
                part = whole + 1 + random.nextInt(5);
            }
            cells.put(rate.denominator(), roll == 98 ? "" : "n:" + whole);
            cells.put(rate.numerator(), roll == 97 ? "" : "n:" + part);
            if (roll == 96 && whole > 0) {
                cells.put(rate.code(), "v:" + (10 + random.nextInt(90)));
            }
        }
        for (Indicator indicator : catalogue.indicators()) {
            if (cells.containsKey(indicator.code())) {
                continue;
            }
            int roll = random.nextInt(100);
            switch (indicator.kind()) {
                case COUNT -> cells.put(indicator.code(), roll < 5 ? "" : roll == 5 ? "t:" + random.nextInt(30) + " "
                        + indicator.unit().toLowerCase() : "n:" + random.nextInt(roll < 90 ? 20 : 200));
                case YES_NO -> cells.put(indicator.code(), roll < 10 ? "" : roll < 60 ? "t:Có" : "t:Không");
                default -> {
                }
            }
        }
        int share = random.nextInt(101);
        cells.put("7.1.a", "n:" + share);
        cells.put("7.1.b", "n:" + (100 - share));
        cells.put("4.1.4", "n:" + random.nextInt(101));
        cells.put("t.quality", "t:Tốt.");
        return cells;
    }

    /** Writes one unit's workbook. */
    public void write(Map<String, String> cells, Path file) throws IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String part = partOf.get(cell.getKey());
            String xml = sheets.computeIfAbsent(part, p -> new String(template.get(p), StandardCharsets.UTF_8));
            sheets.put(part, patch(xml, addressOf.get(cell.getKey()), cell.getValue()));
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : template.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                String patched = sheets.get(entry.getKey());
                zip.write(patched != null ? patched.getBytes(StandardCharsets.UTF_8) : entry.getValue());
                zip.closeEntry();
            }
        }
    }

    private static String patch(String xml, String address, String content) {
        Matcher m = Pattern.compile("<c r=\"" + address + "\"( s=\"\\d+\")?[^>]*?(/>|>.*?</c>)").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no cell " + address + " in the template");
        }
        if (content.isEmpty()) {
            return xml;
        }
        String style = m.group(1) == null ? "" : m.group(1);
        String cell;
        if (content.startsWith("n:") || content.startsWith("v:")) {
            cell = "<c r=\"" + address + "\"" + style + "><v>" + content.substring(2) + "</v></c>";
        } else {
            String text = content.substring(2).replace("&", "&amp;").replace("<", "&lt;");
            cell = "<c r=\"" + address + "\"" + style + " t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
        }
        return xml.substring(0, m.start()) + cell + xml.substring(m.end());
    }
}
