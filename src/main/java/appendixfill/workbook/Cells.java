package appendixfill.workbook;

import appendixfill.input.Typed;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/** Translates between POI cells and what the officer typed. */
final class Cells {

    private Cells() {
    }

    /** What a cell holds, as the officer left it. */
    static Typed read(Cell cell) {
        if (cell == null) {
            return Typed.BLANK;
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return new Typed.Formula(cell.getCellFormula(), value(cell, cell.getCachedFormulaResultType()));
        }
        return value(cell, cell.getCellType());
    }

    /**
     * Like {@link #read}, for workbooks not of the tool's making: a formula POI cannot print
     * (an external reference, a function it does not know) still gives its saved result.
     */
    static Typed readSafely(Cell cell) {
        try {
            return read(cell);
        } catch (RuntimeException e) {
            try {
                return cell.getCellType() == CellType.FORMULA
                        ? new Typed.Formula("?", value(cell, cell.getCachedFormulaResultType())) : Typed.BLANK;
            } catch (RuntimeException again) {
                return new Typed.Error("#VALUE!");
            }
        }
    }

    /**
     * Puts what an officer typed elsewhere into a cell of the template, as close to how it was
     * typed as a cell allows: a formula from another workbook keeps only its result, since its
     * references would point at the wrong cells here.
     */
    static void place(Cell cell, Typed typed) {
        if (typed instanceof Typed.Number n) {
            cell.setCellValue(n.number().doubleValue());
        } else if (typed instanceof Typed.Text t) {
            cell.setCellValue(t.text());
        } else if (typed instanceof Typed.Date d) {
            org.apache.poi.ss.usermodel.Workbook workbook = cell.getSheet().getWorkbook();
            org.apache.poi.ss.usermodel.CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(cell.getCellStyle());
            style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            cell.setCellValue(d.date());
            cell.setCellStyle(style);
        } else if (typed instanceof Typed.Bool b) {
            cell.setCellValue(b.value());
        } else if (typed instanceof Typed.Error e) {
            try {
                cell.setCellErrorValue(FormulaError.forString(e.code()).getCode());
            } catch (IllegalArgumentException unknown) {
                cell.setCellValue(e.code());
            }
        } else if (typed instanceof Typed.Formula f) {
            place(cell, f.cached());
        } else {
            cell.setBlank();
        }
    }

    private static Typed value(Cell cell, CellType type) {
        switch (type) {
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return new Typed.Date(cell.getLocalDateTimeCellValue().toLocalDate());
                }
                boolean percent = cell.getCellStyle().getDataFormatString().contains("%");
                return new Typed.Number(new BigDecimal(Double.toString(cell.getNumericCellValue())), percent);
            case STRING:
                String text = cell.getStringCellValue();
                return text.isEmpty() ? Typed.BLANK : new Typed.Text(text);
            case BOOLEAN:
                return new Typed.Bool(cell.getBooleanCellValue());
            case ERROR:
                return new Typed.Error(FormulaError.forInt(cell.getErrorCellValue()).getString());
            default:
                return Typed.BLANK;
        }
    }

    /** Writes a canonical typed value into an input cell (never a formula or a date). */
    static void write(Cell cell, Typed typed) {
        if (typed instanceof Typed.Number n) {
            cell.setCellValue(n.number().doubleValue());
        } else if (typed instanceof Typed.Text t) {
            cell.setCellValue(t.text());
        } else if (typed instanceof Typed.Blank) {
            cell.setBlank();
        } else {
            throw new IllegalArgumentException("not written back: " + typed);
        }
    }

    /** One line of text that stands for a typed content, for the ledger. */
    static String encode(Typed typed) {
        if (typed instanceof Typed.Number n) {
            return (n.percentStyle() ? "percent:" : "number:") + n.number().toPlainString();
        }
        if (typed instanceof Typed.Text t) {
            return "text:" + t.text();
        }
        if (typed instanceof Typed.Date d) {
            return "date:" + d.date();
        }
        if (typed instanceof Typed.Bool b) {
            return "bool:" + b.value();
        }
        if (typed instanceof Typed.Error e) {
            return "error:" + e.code();
        }
        if (typed instanceof Typed.Formula f) {
            // The cached result is left out: a formula is the same formula whatever it last showed.
            return "formula:" + f.formula();
        }
        return "blank:";
    }

    /** The inverse of {@link #encode} for the contents the ledger keeps. */
    static Typed decode(String line) {
        int colon = line.indexOf(':');
        String kind = line.substring(0, colon);
        String rest = line.substring(colon + 1);
        return switch (kind) {
            case "number" -> new Typed.Number(new BigDecimal(rest), false);
            case "percent" -> new Typed.Number(new BigDecimal(rest), true);
            case "text" -> new Typed.Text(rest);
            case "date" -> new Typed.Date(java.time.LocalDate.parse(rest));
            case "bool" -> new Typed.Bool(Boolean.parseBoolean(rest));
            case "error" -> new Typed.Error(rest);
            case "formula" -> new Typed.Formula(rest, Typed.BLANK);
            default -> Typed.BLANK;
        };
    }
}
