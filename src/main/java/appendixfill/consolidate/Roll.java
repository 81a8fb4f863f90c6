package appendixfill.consolidate;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.revision.Change;
import appendixfill.revision.Changes;
import appendixfill.indicator.UnitName;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The roll of a consolidation (tình hình nộp báo cáo): every unit expected and every workbook
 * received, where each stands and why, and the totals of those counted. A pure function of the
 * list of units, the submissions and the period.
 *
 * @param period the period consolidated; empty when no workbook says
 * @param entries one entry per workbook received and per listed unit that sent none
 * @param totals the totals of the counted workbooks
 */
public record Roll(Optional<Period> period, List<Entry> entries, Totals totals) {

    /**
     * One line of the roll.
     *
     * @param unit the listed unit, when the workbook matches one (or for a unit that sent nothing)
     * @param submission the workbook, when one was received
     * @param standing where it stands
     * @param reason why, in Vietnamese; empty for a plain receipt
     */
    public record Entry(Optional<Unit> unit, Optional<Submission> submission, Standing standing, String reason) {
        public Entry {
            Objects.requireNonNull(unit);
            Objects.requireNonNull(submission);
            Objects.requireNonNull(standing);
            Objects.requireNonNull(reason);
        }

        /** The unit's name as the receiver reads it: from the list, else from the workbook, else the file. */
        public String name() {
            return unit.map(Unit::name).or(() -> submission.map(Submission::unit).filter(u -> !u.isEmpty()))
                    .orElseGet(() -> submission.map(Submission::file).orElse(""));
        }
    }

    public Roll {
        Objects.requireNonNull(period);
        entries = List.copyOf(entries);
    }

    /**
     * Decides where every unit and workbook stands.
     *
     * @param units the units expected (units.csv); empty when no list was given
     * @param submissions the workbooks received, in any order
     * @param expected the period asked for; when empty, the period most workbooks report on
     */
    public static Roll of(List<Unit> units, List<Submission> submissions, Optional<Period> expected) {
        return of(units, submissions, expected, false);
    }

    /**
     * Decides where every unit and workbook stands; with {@code withoutErrors}, a workbook with
     * errors is listed ({@link Standing#WITH_ERRORS_LEFT_OUT}) but its figures are not counted.
     */
    public static Roll of(List<Unit> units, List<Submission> submissions, Optional<Period> expected,
            boolean withoutErrors) {
        return of(units, submissions, expected, withoutErrors, Catalogue.standard());
    }

    /**
     * The same, saying in the terms of {@code catalogue} what a unit's newer workbook changed from
     * the one it replaces.
     */
    public static Roll of(List<Unit> units, List<Submission> submissions, Optional<Period> expected,
            boolean withoutErrors, Catalogue catalogue) {
        List<Submission> sorted = submissions.stream().sorted(Comparator.comparing(Submission::file)).toList();
        Optional<Period> period = expected.or(() -> mostCommon(sorted));
        Map<String, Unit> byCode = new HashMap<>();
        Map<String, Unit> byKey = new HashMap<>();
        Map<String, List<Unit>> byFolded = new HashMap<>();
        for (Unit unit : units) {
            byCode.put(unit.code(), unit);
            byKey.putIfAbsent(unit.key(), unit);
            byFolded.computeIfAbsent(UnitName.folded(UnitName.withoutLevel(unit.name())), k -> new ArrayList<>())
                    .add(unit);
        }
        List<Entry> unmatched = new ArrayList<>();
        Map<String, List<Entry>> byUnit = new LinkedHashMap<>();
        Map<String, List<Submission>> candidates = new TreeMap<>();
        Map<String, Optional<Unit>> candidateUnit = new HashMap<>();
        Map<Submission, String> notes = new IdentityHashMap<>();
        for (Submission submission : sorted) {
            Match match = match(submission, byCode, byKey);
            Optional<Unit> unit = match.unit();
            notes.put(submission, match.note());
            boolean byFileName = false;
            if (unit.isEmpty() && !submission.readable()) {
                // A file that cannot be read names its unit only by its own name: nghia-ta.xlsx, 08123.xls.
                unit = matchFileName(submission.file(), byCode, byFolded);
                byFileName = unit.isPresent();
            }
            // Workbooks that do not name their unit are never taken for one another's duplicates.
            String key = unit.map(Unit::code).orElse(submission.unit().isBlank() ? "?file:" + submission.file()
                    : "?" + Unit.key(submission.unit()));
            Optional<Entry> refused = refusal(submission, unit, period, byFileName)
                    .map(e -> new Entry(e.unit(), e.submission(), e.standing(), join(match.note(), e.reason())));
            if (refused.isPresent()) {
                if (unit.isPresent()) {
                    byUnit.computeIfAbsent(key, k -> new ArrayList<>()).add(refused.get());
                } else {
                    unmatched.add(refused.get());
                }
                continue;
            }
            candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(submission);
            candidateUnit.put(key, unit);
        }
        List<Totals> counted = new ArrayList<>();
        boolean listed = !units.isEmpty();
        for (Map.Entry<String, List<Submission>> group : candidates.entrySet()) {
            Optional<Unit> unit = candidateUnit.get(group.getKey());
            List<Submission> ranked = group.getValue().stream().sorted(PREFERENCE).toList();
            Submission used = ranked.get(0);
            boolean leftOut = withoutErrors && used.errors() > 0;
            if (!leftOut) {
                counted.add(used.totals());
            }
            Standing standing = leftOut ? Standing.WITH_ERRORS_LEFT_OUT : listed && unit.isEmpty() ? Standing.UNLISTED
                    : used.errors() > 0 ? Standing.WITH_ERRORS : Standing.RECEIVED;
            String reason = !listed || unit.isPresent() ? ""
                    : leftOut ? "không có trong danh sách đơn vị" : "không có trong danh sách đơn vị; vẫn được tổng hợp";
            if (used.errors() > 0) {
                reason = join(reason, VietnameseFormat.count(used.errors()) + " lỗi, "
                        + VietnameseFormat.count(used.warnings()) + " cảnh báo");
            }
            if (ranked.size() > 1) {
                reason = join(reason, "gửi " + VietnameseFormat.count(ranked.size()) + " tệp; dùng tệp này vì " + why(used, ranked.get(1)));
                reason = join(reason, changes(catalogue, ranked.get(1), used));
            }
            reason = join(reason, used.provenance().said());
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(unit, Optional.of(used), standing, join(notes.get(used), reason)));
            for (Submission other : ranked.subList(1, ranked.size())) {
                entries.add(new Entry(unit, Optional.of(other), Standing.DUPLICATE, join(notes.get(other),
                        join("không dùng; đã dùng tệp «" + used.file() + "» vì " + why(used, other),
                                other.provenance().said()))));
            }
            if (unit.isPresent()) {
                byUnit.computeIfAbsent(group.getKey(), k -> new ArrayList<>()).addAll(0, entries);
            } else {
                unmatched.addAll(entries);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Unit unit : units) {
            List<Entry> own = byUnit.remove(unit.code());
            if (own == null) {
                entries.add(new Entry(Optional.of(unit), Optional.empty(), Standing.MISSING, ""));
            } else {
                entries.addAll(own);
            }
        }
        Totals totals = Totals.sum(counted);
        unmatched.sort(Comparator.comparing((Entry e) -> e.submission().map(Submission::file).orElse("")));
        entries.addAll(unmatched);
        return new Roll(period, entries, totals);
    }

    /**
     * How many entries of the roll stand one way (Có lỗi: 3.306): the roll's summary, one per
     * standing that occurs, in the order of {@link Standing}, as the terminal and the roll sheet say it.
     */
    public record Count(Standing standing, long entries) {
        @Override
        public String toString() {
            return standing.word() + ": " + VietnameseFormat.count(entries);
        }
    }

    /** How many entries stand so. */
    public long count(Standing standing) {
        return entries.stream().filter(e -> e.standing() == standing).count();
    }

    /** The summary of the roll: every standing that occurs, with its count. */
    public List<Count> counts() {
        List<Count> counts = new ArrayList<>();
        for (Standing standing : Standing.values()) {
            long n = count(standing);
            if (n > 0) {
                counts.add(new Count(standing, n));
            }
        }
        return counts;
    }

    /** The entries whose figures are in the totals, in the roll's order. */
    public List<Entry> counted() {
        return entries.stream().filter(e -> e.standing().counted()).toList();
    }

    /** The entries a receiver has to act on: every one that is not a receipt. */
    public List<Entry> problems() {
        return entries.stream().filter(e -> e.standing() != Standing.RECEIVED).toList();
    }

    /**
     * The later submission first, by what the workbook itself says, never by the file's time: the run of
     * appendix-fill that filled it, or its last save after that (its core properties, which Excel and
     * LibreOffice write on every save); a workbook that says neither after one that does. Then the later
     * report date; then fewer errors; then a completed workbook; then the later file name.
     */
    private static final Comparator<Submission> PREFERENCE = Comparator
            .comparingLong((Submission s) -> s.provenance().latest()).reversed()
            .thenComparing((Submission s) -> dateKey(s.reportDate()), Comparator.reverseOrder())
            .thenComparingInt(Submission::errors)
            .thenComparing((Submission s) -> !s.file().endsWith(".filled.xlsx"))
            .thenComparing((Submission s) -> stem(s.file()), Comparator.reverseOrder());

    /**
     * A file's name without its extensions: a resubmission is usually the first name with something
     * added (bieu.xlsx, bieu-gui-lai.xlsx), which sorts after it only without the extension.
     */
    private static String stem(String file) {
        int dot = file.indexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** What the workbook used changed from the one it replaces: "so với tệp «…», đã sửa 2 ô: 1.1 «…»: 3 → 4; …". */
    private static String changes(Catalogue catalogue, Submission replaced, Submission used) {
        List<Change> changes = Changes.between(new Figures(catalogue, replaced.shown()),
                new Figures(catalogue, used.shown()));
        if (changes.isEmpty()) {
            return "số liệu như tệp «" + replaced.file() + "»";
        }
        List<String> said = changes.stream().limit(SHOWN_CHANGES).map(Changes::said).toList();
        return "so với tệp «" + replaced.file() + "», đã sửa " + VietnameseFormat.count(changes.size()) + " ô: "
                + String.join("; ", said) + (changes.size() > SHOWN_CHANGES ? "; và "
                + VietnameseFormat.count(changes.size() - SHOWN_CHANGES) + " ô khác (xem: appendix-fill diff)" : "");
    }

    /** How many changed cells the roll names; the others are counted. */
    private static final int SHOWN_CHANGES = 10;

    private static String why(Submission used, Submission other) {
        Provenance usedFrom = used.provenance();
        Provenance otherFrom = other.provenance();
        if (usedFrom.latest() != otherFrom.latest()) {
            boolean usedFilledLast = usedFrom.submitted() >= usedFrom.saved();
            if (otherFrom.latest() == 0) {
                return usedFilledLast ? "được điền bằng appendix-fill (tệp «" + other.file() + "» thì không)"
                        : "có ghi thời điểm lưu (" + usedFrom.latestSaid() + "; tệp «" + other.file() + "» thì không)";
            }
            if (usedFilledLast && otherFrom.submitted() >= otherFrom.saved()) {
                return "được điền sau (" + usedFrom.submittedShown() + " so với " + otherFrom.submittedShown() + ")";
            }
            return "mới hơn (" + usedFrom.latestSaid() + ", tệp «" + other.file() + "» " + otherFrom.latestSaid() + ")";
        }
        if (!dateKey(used.reportDate()).equals(dateKey(other.reportDate()))) {
            return "có ngày báo cáo muộn hơn (" + date(used.reportDate()) + " so với " + date(other.reportDate()) + ")";
        }
        if (used.errors() != other.errors()) {
            return "ít lỗi hơn (" + VietnameseFormat.count(used.errors()) + " so với "
                    + VietnameseFormat.count(other.errors()) + ")";
        }
        if (used.file().endsWith(".filled.xlsx") && !other.file().endsWith(".filled.xlsx")) {
            return "là tệp đã hoàn thiện (.filled.xlsx)";
        }
        return "cùng ngày báo cáo và cùng số lỗi, tên tệp xếp sau (coi là bản gửi sau)";
    }

    private static String dateKey(Value date) {
        return date instanceof Value.Day d ? String.format("%04d-%02d-%02d", d.year(), d.month(), d.day()) : "";
    }

    private static String date(Value date) {
        return date instanceof Value.Day d ? VietnameseFormat.date(d) : "không ghi ngày";
    }

    private static Optional<Entry> refusal(Submission submission, Optional<Unit> unit, Optional<Period> period,
            boolean byFileName) {
        if (!submission.readable()) {
            return Optional.of(new Entry(unit, Optional.of(submission), Standing.UNREADABLE,
                    (byFileName ? "gắn với đơn vị theo tên tệp. " : "") + submission.problem()));
        }
        if (!submission.version().isEmpty() && !submission.version().equals(Catalogue.TEMPLATE_VERSION)) {
            return Optional.of(new Entry(unit, Optional.of(submission), Standing.WRONG_VERSION, "lập theo mẫu phiên bản "
                    + submission.version() + ", cần mẫu phiên bản " + Catalogue.TEMPLATE_VERSION
                    + " (tạo bằng lệnh «appendix-fill template»)"));
        }
        if (period.isPresent() && !submission.period().equals(period)) {
            String stated = submission.period().map(p -> "báo cáo " + p).orElse("không ghi kỳ hoặc năm báo cáo");
            return Optional.of(new Entry(unit, Optional.of(submission), Standing.WRONG_PERIOD,
                    stated + ", cần " + period.get()));
        }
        return Optional.empty();
    }

    /** The unit a workbook is counted for, and what the receiver should know about how it was found. */
    private record Match(Optional<Unit> unit, String note) {
        static final Match NONE = new Match(Optional.empty(), "");
    }

    /**
     * By the unit's name in the workbook, else by the code at the start of the file's name
     * ("08123-vu-muon.xlsx"). The workbook's own name wins over a file name that carries another
     * unit's code (a copy renamed from a neighbour's file), so no figures are counted for a unit that
     * did not report them; either disagreement is noted.
     */
    private static Match match(Submission submission, Map<String, Unit> byCode, Map<String, Unit> byKey) {
        String file = submission.file();
        int end = 0;
        while (end < file.length() && Character.isLetterOrDigit(file.charAt(end))) {
            end++;
        }
        Unit coded = byCode.get(file.substring(0, end));
        Unit named = submission.unit().isEmpty() ? null : byKey.get(Unit.key(submission.unit()));
        if (named != null) {
            return new Match(Optional.of(named), coded == null || coded == named ? ""
                    : "tên tệp mang mã " + coded.code() + " của " + coded.name() + " nhưng biểu ghi đơn vị «"
                            + submission.unit() + "»");
        }
        if (coded != null) {
            return new Match(Optional.of(coded), submission.unit().isEmpty() ? ""
                    : "biểu ghi đơn vị «" + submission.unit() + "», không có trong danh sách; tính cho "
                            + coded.name() + " theo mã " + coded.code() + " ở tên tệp");
        }
        return Match.NONE;
    }

    /**
     * The unit whose code is a word of the file's name (bao-cao-08123.xlsx), else whose name,
     * compared without level, diacritics, case and separators, is the rest of it once its codes,
     * years and a leading level are left out (nghia-ta.xlsx, Xa_Nghia_Ta_2023.xls: «xã Nghĩa Tá»);
     * empty when none, or more than one, matches.
     */
    static Optional<Unit> matchFileName(String file, Map<String, Unit> byCode, Map<String, List<Unit>> byFolded) {
        String stem = file.contains(".") ? file.substring(0, file.indexOf('.')) : file;
        String[] words = stem.split("[^\\p{L}\\p{N}]+");
        List<Unit> coded = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
                Unit unit = byCode.get(word);
                if (unit != null && !coded.contains(unit)) {
                    coded.add(unit);
                }
            } else {
                rest.append(word).append(' ');
            }
        }
        if (!coded.isEmpty()) {
            return coded.size() == 1 ? Optional.of(coded.get(0)) : Optional.empty();
        }
        // A level typed without its diacritics (xa-nghia-ta) is one too.
        String name = rest.toString().strip();
        String folded = UnitName.folded(UnitName.withoutLevel(name));
        for (String level : FOLDED_LEVELS) {
            if (folded.startsWith(level) && byFolded.containsKey(folded.substring(level.length()))
                    && !byFolded.containsKey(folded)) {
                folded = folded.substring(level.length());
                break;
            }
        }
        List<Unit> named = byFolded.getOrDefault(folded, List.of());
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static final List<String> FOLDED_LEVELS = UnitName.LEVELS.stream().map(UnitName::folded).toList();

    private static Optional<Period> mostCommon(List<Submission> submissions) {
        Map<Period, Long> counts = submissions.stream().filter(Submission::readable)
                .flatMap(s -> s.period().stream())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<Period, Long>comparingByValue()
                .thenComparing(e -> e.getKey().year())).map(Map.Entry::getKey);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
