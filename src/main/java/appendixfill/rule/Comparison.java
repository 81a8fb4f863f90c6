package appendixfill.rule;

import appendixfill.indicator.Catalogue;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Indicator;
import appendixfill.indicator.Value;
import appendixfill.indicator.VietnameseFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rule that compares a sum of figures with another figure or a constant: a part never exceeds
 * its whole ({@code <=}), a total equals its parts ({@code =}).
 */
public record Comparison(String id, Severity severity, List<String> left, String operator,
        List<String> right, String advice) implements Rule {

    public Comparison {
        left = List.copyOf(left);
        right = List.copyOf(right);
        if (!operator.equals("<=") && !operator.equals("=")) {
            throw new IllegalArgumentException("rule " + id + ": operator must be <= or =, not " + operator);
        }
    }

    @Override
    public List<Finding> check(Figures figures) {
        Optional<BigDecimal> lhs = sum(figures, left);
        Optional<BigDecimal> rhs = sum(figures, right);
        if (lhs.isEmpty() || rhs.isEmpty()) {
            return List.of();
        }
        int order = lhs.get().compareTo(rhs.get());
        boolean holds = operator.equals("<=") ? order <= 0 : order == 0;
        if (holds) {
            return List.of();
        }
        String verb = operator.equals("<=") ? "lớn hơn" : "khác";
        String message = describe(figures, left, lhs.get()) + " " + verb + " "
                + describe(figures, right, rhs.get()) + ". " + advice;
        return List.of(new Finding(severity, id, left.get(0), message.strip()));
    }

    @Override
    public List<String> codes() {
        return concat(left, right).stream().filter(t -> !isConstant(t)).toList();
    }

    @Override
    public String wording(Catalogue catalogue) {
        return labels(catalogue, left) + " " + symbol() + " " + labels(catalogue, right) + ". " + advice;
    }

    @Override
    public Explanation explain(Figures figures, Function<String, String> address) {
        Optional<BigDecimal> lhs = sum(figures, left);
        Optional<BigDecimal> rhs = sum(figures, right);
        String leftSide = side(figures, left, lhs, address);
        String rightSide = side(figures, right, rhs, address);
        if (lhs.isEmpty() || rhs.isEmpty()) {
            return new Explanation(id, severity, advice, leftSide, symbol(), rightSide,
                    Explanation.Outcome.NOT_EVALUATED, missing(figures, concat(left, right), address));
        }
        int order = lhs.get().compareTo(rhs.get());
        boolean holds = operator.equals("<=") ? order <= 0 : order == 0;
        String shownLeft = total(figures, left, lhs.get());
        String shownRight = total(figures, right, rhs.get());
        return new Explanation(id, severity, advice, leftSide, symbol(), rightSide,
                holds ? Explanation.Outcome.HOLDS : Explanation.Outcome.FAILS,
                shownLeft + " " + (holds ? symbol() : operator.equals("<=") ? ">" : "≠") + " " + shownRight);
    }

    private String symbol() {
        return operator.equals("<=") ? "≤" : "=";
    }

    /** "1.2.2 «…» + 1.3.3 «…»", or the constant. */
    private static String labels(Catalogue catalogue, List<String> terms) {
        return String.join(" + ", terms.stream().map(t -> isConstant(t) ? t : catalogue.require(t).label()).toList());
    }

    /** Each row with its cell and value, then the total: "1.2.2 «…» (Phụ lục I!D12) = 32". */
    private static String side(Figures figures, List<String> terms, Optional<BigDecimal> sum,
            Function<String, String> address) {
        if (terms.size() == 1 && isConstant(terms.get(0))) {
            return terms.get(0);
        }
        List<String> parts = new ArrayList<>();
        for (String term : terms) {
            if (isConstant(term)) {
                parts.add(term);
                continue;
            }
            String cell = address.apply(term);
            parts.add(figures.catalogue().require(term).label() + (cell.isEmpty() ? "" : " [ô " + cell + "]") + " = "
                    + show(figures, term));
        }
        String joined = String.join(" + ", parts);
        return terms.size() > 1 && sum.isPresent() ? joined + "; cộng: " + total(figures, terms, sum.get()) : joined;
    }

    private static String total(Figures figures, List<String> terms, BigDecimal total) {
        String first = terms.stream().filter(t -> !isConstant(t)).findFirst().orElse(null);
        return first == null ? VietnameseFormat.number(total) : show(figures.catalogue().require(first), total);
    }

    /** Which values the rule lacks: "thiếu giá trị của 1.2.1 «…» (Phụ lục I!D11: trống)". */
    private static String missing(Figures figures, List<String> terms, Function<String, String> address) {
        List<String> lacking = new ArrayList<>();
        for (String term : terms) {
            if (!isConstant(term) && !(figures.get(term) instanceof Value.Amount)) {
                String cell = address.apply(term);
                lacking.add(figures.catalogue().require(term).label() + " (" + (cell.isEmpty() ? "" : "ô " + cell + ": ")
                        + show(figures, term) + ")");
            }
        }
        return "thiếu giá trị của " + String.join("; ", lacking);
    }

    /** Validates that every code names a number of the catalogue. */
    void requireKnown(Catalogue catalogue) {
        for (String term : concat(left, right)) {
            if (!isConstant(term)) {
                catalogue.require(term);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Optional<BigDecimal> sum(Figures figures, List<String> terms) {
        BigDecimal total = BigDecimal.ZERO;
        for (String term : terms) {
            if (isConstant(term)) {
                total = total.add(new BigDecimal(term));
            } else if (figures.get(term) instanceof Value.Amount amount) {
                total = total.add(amount.number());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(total);
    }

    private static String describe(Figures figures, List<String> terms, BigDecimal total) {
        if (terms.size() == 1 && isConstant(terms.get(0))) {
            return VietnameseFormat.number(total);
        }
        StringBuilder labels = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (String term : terms) {
            if (!labels.isEmpty()) {
                labels.append(" + ");
                values.append(" + ");
            }
            labels.append(figures.catalogue().require(term).label());
            values.append(show(figures, term));
        }
        String shownTotal = show(figures.catalogue().require(terms.get(0)), total);
        return labels + " = " + (terms.size() > 1 ? values + " = " + shownTotal : shownTotal);
    }

    private static String show(Figures figures, String code) {
        return VietnameseFormat.value(figures.catalogue().require(code), figures.get(code));
    }

    private static String show(Indicator indicator, BigDecimal number) {
        return VietnameseFormat.value(indicator, new Value.Amount(number));
    }

    private static boolean isConstant(String term) {
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isDigit(term.charAt(i))) {
                return false;
            }
        }
        return !term.isEmpty();
    }
}
