package appendixfill.rule;

import appendixfill.indicator.Figures;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.math.BigDecimal;
import java.util.List;

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
