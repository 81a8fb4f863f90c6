package appendixfill.rule;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Dossiers received online need a procedure that receives them: online dossiers &gt; 0 implies some
 * level-3 or level-4 procedure "có phát sinh hồ sơ nộp trực tuyến".
 */
public record OnlineDossiers() implements Rule {

    static final String DOSSIERS = "7.2.4.b";
    static final String LEVEL_3 = "7.2.1.c";
    static final String LEVEL_4 = "7.2.2.c";

    @Override
    public String id() {
        return "online.no-procedure";
    }

    @Override
    public List<String> codes() {
        return List.of(DOSSIERS, LEVEL_3, LEVEL_4);
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String wording(Catalogue catalogue) {
        return "Nếu " + catalogue.require(DOSSIERS).label() + " > 0 thì " + catalogue.require(LEVEL_3).label() + " + "
                + catalogue.require(LEVEL_4).label() + " > 0. " + ADVICE;
    }

    private static final String ADVICE = "Có hồ sơ tiếp nhận trực tuyến thì phải có TTHC mức độ 3 hoặc 4 có phát sinh "
            + "hồ sơ nộp trực tuyến.";

    @Override
    public Explanation explain(Figures figures, Function<String, String> address) {
        Catalogue catalogue = figures.catalogue();
        String left = term(figures, DOSSIERS, address);
        String right = term(figures, LEVEL_3, address) + " + " + term(figures, LEVEL_4, address);
        List<String> lacking = Stream.of(DOSSIERS, LEVEL_3, LEVEL_4)
                .filter(code -> !(figures.get(code) instanceof Value.Amount))
                .map(code -> catalogue.require(code).label() + " (" + cell(address, code)
                        + VietnameseFormat.value(catalogue.require(code), figures.get(code)) + ")").toList();
        if (!lacking.isEmpty()) {
            return new Explanation(id(), severity(), ADVICE, left, "> 0 thì cần", right + " > 0",
                    Explanation.Outcome.NOT_EVALUATED, "thiếu giá trị của " + String.join("; ", lacking));
        }
        BigDecimal dossiers = ((Value.Amount) figures.get(DOSSIERS)).number();
        BigDecimal procedures = ((Value.Amount) figures.get(LEVEL_3)).number()
                .add(((Value.Amount) figures.get(LEVEL_4)).number());
        boolean holds = check(figures).isEmpty();
        return new Explanation(id(), severity(), ADVICE, left, "> 0 thì cần", right + " > 0",
                holds ? Explanation.Outcome.HOLDS : Explanation.Outcome.FAILS,
                VietnameseFormat.number(dossiers) + " hồ sơ trực tuyến, " + VietnameseFormat.number(procedures)
                        + " TTHC có phát sinh hồ sơ trực tuyến");
    }

    private static String term(Figures figures, String code, Function<String, String> address) {
        Indicator indicator = figures.catalogue().require(code);
        String cell = address.apply(code);
        return indicator.label() + (cell.isEmpty() ? "" : " [ô " + cell + "]") + " = "
                + VietnameseFormat.value(indicator, figures.get(code));
    }

    private static String cell(Function<String, String> address, String code) {
        String cell = address.apply(code);
        return cell.isEmpty() ? "" : "ô " + cell + ": ";
    }

    @Override
    public List<Finding> check(Figures figures) {
        if (!(figures.get(DOSSIERS) instanceof Value.Amount dossiers)
                || !(figures.get(LEVEL_3) instanceof Value.Amount level3)
                || !(figures.get(LEVEL_4) instanceof Value.Amount level4)) {
            return List.of();
        }
        if (dossiers.number().signum() == 0 || level3.number().add(level4.number()).compareTo(BigDecimal.ZERO) > 0) {
            return List.of();
        }
        var catalogue = figures.catalogue();
        String message = catalogue.require(DOSSIERS).label() + " = " + VietnameseFormat.number(dossiers.number())
                + " nhưng không có TTHC mức độ 3 hay mức độ 4 nào có phát sinh hồ sơ nộp trực tuyến ("
                + catalogue.require(LEVEL_3).label() + " = 0; " + catalogue.require(LEVEL_4).label() + " = 0)."
                + " Ghi số TTHC có phát sinh hồ sơ trực tuyến, hoặc kiểm tra lại số hồ sơ tiếp nhận trực tuyến.";
        return List.of(new Finding(Severity.ERROR, id(), DOSSIERS, message));
    }
}
