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
 * Writes N commune workbooks for the consolidation benchmark, with varied, realistic values: most
 * units clean, some with doubts (warnings) only, a few with errors ({@link Profile}); blanks where
 * the form allows them, 0 ÷ 0 rates, counts typed with their unit, parts larger than their whole,
 * numbers typed over rates. Deterministic: the same unit number and seed give the same workbook. Fast because POI builds the template once; each unit is the template's zip with its
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

    /** What a generated unit's workbook holds besides sound figures. */
    public enum Profile {
        /** Every figure consistent: no error, no warning (blanks only where the form allows them). */
        CLEAN,
        /** A doubt or two: a blank row, a count typed with its unit, a figure over its usual whole. */
        WARNINGS,
        /** A figure that cannot be right: a part over its whole, a rate typed over its formula. */
        ERRORS
    }

    /** Most units send a clean workbook, some one with doubts, a few one with errors: 85, 10 and 5 in 100. */
    public static Profile profile(Random random) {
        int roll = random.nextInt(100);
        return roll < 85 ? Profile.CLEAN : roll < 95 ? Profile.WARNINGS : Profile.ERRORS;
    }

    /** The cells of unit number {@code unit}, of the profile its random numbers draw. */
    public Map<String, String> cells(int unit, Random random) {
        return cells(unit, random, profile(random));
    }

    /**
     * The cells of unit number {@code unit}: code → "n:46", "t:Có", or "" for a cell left blank (on
     * a rate, a blank cell keeps the formula; "v:…" types a number over it). Sound figures first,
     * consistent with every rule of the rule book, with rates of 0 ÷ 0 and blank cells where the
     * form allows them (a rate's formula, the report's extra figures); then the profile's doubts or errors.
     */
    public Map<String, String> cells(int unit, Random random, Profile profile) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("unit.level", "t:" + (random.nextInt(5) == 0 ? "phường" : "xã"));
        cells.put("unit.name", "t:" + PLACES[unit % PLACES.length] + " " + PLACES[(unit / PLACES.length) % PLACES.length]
                + " " + unit);
        cells.put("period", "t:năm");
        cells.put("year", "n:" + (random.nextInt(200) == 0 ? 2023 : 2024));
        cells.put("report.date", "t:" + (1 + random.nextInt(28)) + "/11/2024");
        cells.put("report.number", "t:" + (100 + random.nextInt(300)));

        cells.put("1.1", "n:" + random.nextInt(20));
        rate(cells, "1.2", 1 + random.nextInt(40), random);
        long tasks = random.nextInt(30);
        long onTime = below(tasks, random);
        long late = below(tasks - onTime, random);
        put(cells, "1.3.1", tasks);
        put(cells, "1.3.2", onTime);
        put(cells, "1.3.3", late);
        put(cells, "1.3.4", below(tasks - onTime - late, random));
        cells.put("1.4", random.nextInt(2) == 0 ? "t:Có" : "t:Không");

        cells.put("2.1", "n:" + random.nextInt(20));
        long checked = random.nextInt(30);
        put(cells, "2.2", checked);
        rate(cells, "2.2.1", below(checked, random), random);
        long reviewed = random.nextInt(30);
        put(cells, "2.3.1", reviewed);
        rate(cells, "2.3.2", below(reviewed, random), random);

        long procedures = 80 + random.nextInt(300);
        for (String code : new String[] {"3.1.1", "3.1.2", "3.1.3", "3.2.3"}) {
            put(cells, code, random.nextInt(10));
        }
        put(cells, "3.1.4", procedures);
        put(cells, "3.1.4.a", below(procedures, random));
        put(cells, "3.2.1", below(Math.min(20, procedures), random));
        put(cells, "3.2.2", below(Math.min(20, procedures), random));
        rate(cells, "3.3.a", 1 + random.nextInt(600), random);
        rate(cells, "3.4", random.nextInt(15), random);

        long posts = 15 + random.nextInt(10);
        long present = below(posts, random);
        put(cells, "4.1.1", posts);
        put(cells, "4.1.2", present);
        put(cells, "4.1.3", random.nextInt(5));
        put(cells, "4.1.4", random.nextInt(101));
        put(cells, "5.1.a", random.nextInt(101));
        long disciplined = below(Math.min(3, present), random);
        put(cells, "5.2.1", disciplined);
        put(cells, "5.2.2", below(Math.min(3, present) - disciplined, random));

        put(cells, "7.1", random.nextInt(2000));
        int share = random.nextInt(101);
        put(cells, "7.1.a", share);
        put(cells, "7.1.b", below(100 - share, random));
        long level3 = rate(cells, "7.2.1", below(procedures / 2, random), random);
        long level4 = rate(cells, "7.2.2", below(procedures / 2, random), random);
        long receiving3 = below(level3, random);
        long receiving4 = below(level4, random);
        put(cells, "7.2.1.c", receiving3);
        put(cells, "7.2.2.c", receiving4);
        // Its whole is the sum of the two levels provided, never a 0 of its own.
        put(cells, "7.2.3.a", level3 + level4);
        put(cells, "7.2.3.b", below(level3 + level4, random));
        // Dossiers received online need a level-3 or level-4 procedure that receives them.
        long online = rate(cells, "7.2.4", 1 + random.nextInt(600), random, receiving3 + receiving4 > 0);
        rate(cells, "7.2.5", below(procedures / 3, random), random);

        for (String code : new String[] {"x.news", "x.events", "x.digitised", "x.computers", "x.certificates"}) {
            // The report's extra figures may be left blank: the form asks for them only for the narrative.
            cells.put(code, random.nextInt(10) == 0 ? "" : "n:" + random.nextInt(400));
        }
        long full = below(online, random);
        put(cells, "x.dvc.total", online);
        put(cells, "x.dvc.full", full);
        put(cells, "x.dvc.partial", online - full);
        rate(cells, "x.invest", 1_000_000L * (1 + random.nextInt(9000)), random);
        rate(cells, "x.budget", 1_000_000L * (1 + random.nextInt(900)), random);
        cells.put("t.quality", "t:Tốt.");

        switch (profile) {
            case WARNINGS -> {
                doubt(cells, random);
                if (random.nextBoolean()) {
                    doubt(cells, random);
                }
            }
            case ERRORS -> {
                error(cells, random);
                if (random.nextBoolean()) {
                    doubt(cells, random);
                }
            }
            default -> {
            }
        }
        return cells;
    }

    /** Rates whose part the error profile may push over its whole without breaking another rule's figures. */
    private static final String[] SIMPLE_RATES = {"1.2", "3.3.a", "3.4", "7.2.5"};

    /** One doubt (a warning): a row left blank, a count typed with its unit, a figure over its usual whole. */
    private void doubt(Map<String, String> cells, Random random) {
        switch (random.nextInt(5)) {
            case 0 -> cells.put(random.nextBoolean() ? "1.1" : "2.1", "");
            case 1 -> cells.put("1.4", "");
            case 2 -> cells.put("1.1", "t:" + number(cells, "1.1") + " văn bản");
            case 3 -> put(cells, "3.2.1", number(cells, "3.1.4") + 1 + random.nextInt(5));
            default -> put(cells, "x.invest.done", number(cells, "x.invest.plan") + 1_000_000L);
        }
    }

    /** One error: a part over its whole, a rate typed over its formula with another figure, 1.3's parts over 1.3.1. */
    private void error(Map<String, String> cells, Random random) {
        Indicator rate = catalogue.require(SIMPLE_RATES[random.nextInt(SIMPLE_RATES.length)]);
        long whole = number(cells, rate.denominator());
        switch (random.nextInt(3)) {
            case 0 -> put(cells, rate.numerator(), whole + 1 + random.nextInt(5));
            case 1 -> {
                put(cells, rate.denominator(), whole + 1);
                put(cells, rate.numerator(), 0);
                // 0 of a whole above 0 is 0 %, never 101 %: typed over the formula, it cannot agree.
                cells.put(rate.code(), "v:" + (101 + random.nextInt(50)));
            }
            default -> put(cells, "1.3.2", number(cells, "1.3.1") + 1 + random.nextInt(5));
        }
    }

    /** A rate's whole and a part of it; 0 ÷ 0 for one rate in twenty. Returns the part. */
    private long rate(Map<String, String> cells, String code, long whole, Random random) {
        return rate(cells, code, whole, random, true);
    }

    private long rate(Map<String, String> cells, String code, long whole, Random random, boolean partAllowed) {
        Indicator rate = catalogue.require(code);
        long shown = random.nextInt(20) == 0 ? 0 : whole;
        long part = partAllowed ? below(shown, random) : 0;
        put(cells, rate.denominator(), shown);
        put(cells, rate.numerator(), part);
        return part;
    }

    /** A number from 0 to {@code most}, most often near the top, as parts of a whole are. */
    private static long below(long most, Random random) {
        if (most <= 0) {
            return 0;
        }
        return random.nextInt(3) == 0 ? (long) Math.floor(most * random.nextDouble()) : most - random.nextInt(
                (int) Math.min(most, 5) + 1);
    }

    private static void put(Map<String, String> cells, String code, long number) {
        cells.put(code, "n:" + number);
    }

    private static long number(Map<String, String> cells, String code) {
        String cell = cells.get(code);
        return cell.startsWith("n:") ? Long.parseLong(cell.substring(2)) : 0;
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
