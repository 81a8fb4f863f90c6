package appendixfill.report;

import appendixfill.consolidate.Consolidated;
import appendixfill.indicator.Document;
import appendixfill.indicator.Unicode;
import appendixfill.indicator.VietnameseFormat;
import appendixfill.rule.Assessment;
import appendixfill.rule.Severity;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Span;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * Merges a workbook's figures, or a consolidation, into a Velocity narrative template: one report,
 * written out as plain text ({@link Report#text}) and as a Word document ({@link #docx}).
 */
public final class Narrative {

    /** The template, under the classpath folder the build copies {@code velocity/} into. */
    public static final String TEMPLATE = "velocity/bao-cao.vm";

    /** The receiver's report on a consolidation. */
    public static final String CONSOLIDATION_TEMPLATE = "velocity/tong-hop.vm";

    private final Template template;
    private WordDocument word;

    public Narrative() {
        this(TEMPLATE);
    }

    /** A narrative from another template on the classpath (tests use their own). */
    Narrative(String templateName) {
        Properties properties = new Properties();
        properties.setProperty("resource.loaders", "class");
        properties.setProperty("resource.loader.class.class",
                "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        properties.setProperty("resource.default_encoding", "UTF-8");
        // An undefined reference is an error, never printed as "$name".
        properties.setProperty("runtime.strict_mode.enable", "true");
        properties.setProperty("parser.space_gobbling", "lines");
        VelocityEngine engine = new VelocityEngine(properties);
        engine.init();
        template = engine.getTemplate(templateName, "UTF-8");
    }

    /** The receiver's report on a consolidation ({@link #CONSOLIDATION_TEMPLATE}). */
    public static Narrative consolidation() {
        return new Narrative(CONSOLIDATION_TEMPLATE);
    }

    /**
     * The report of one workbook, its Phụ lục I attached.
     *
     * @param notes the officer's Ghi chú by indicator code, as the appendix's last column prints them
     */
    public Report render(Assessment assessment, Map<String, String> notes) {
        return render(assessment, notes, Optional.empty(), Optional.empty());
    }

    /**
     * The report of one workbook compared, where the seed's style does («tăng … so với kỳ trước»),
     * with the figures of the unit's report of an earlier period.
     *
     * @param before the earlier report's figures, if one was given
     * @param earlier the period it reports on
     */
    public Report render(Assessment assessment, Map<String, String> notes, Optional<Figures> before,
            Optional<Span> earlier) {
        Flags flags = Flags.of(assessment);
        VelocityContext context = context();
        context.put("prev", new PreviousView(assessment.figures(), before, earlier, flags));
        context.put("v", new IndicatorViews(assessment.figures(), flags));
        context.put("doc", new DocumentView(Document.of(assessment.figures())));
        long errors = assessment.count(Severity.ERROR);
        context.put("check", Map.of("errors", errors, "errorsText", VietnameseFormat.count(errors)));
        context.put("appendix", AppendixRow.of(assessment.figures(), notes, flags));
        return merge(context, flags);
    }

    /**
     * The receiver's report on a consolidation.
     *
     * @param unitsFile the name of the units.csv written beside it, where a list cut short in the report is whole
     */
    public Report render(Consolidated consolidated, String unitsFile) {
        VelocityContext context = context();
        context.put("v", new IndicatorViews(consolidated.figures(), Flags.NONE));
        context.put("c", new ConsolidationView(consolidated, unitsFile));
        return merge(context, Flags.NONE);
    }

    /** The report laid out as a Word document: the bytes of NAME.report.docx. */
    public byte[] docx(Report report) {
        return word().write(report);
    }

    /**
     * The Word layout, its fixed parts read on first use: a fill asks for it on the other core as soon
     * as the narrative is ready, while this core renders the text.
     */
    public synchronized WordDocument word() {
        if (word == null) {
            word = new WordDocument();
        }
        return word;
    }

    private static VelocityContext context() {
        VelocityContext context = new VelocityContext();
        context.put("mark", Marks.INSTANCE);
        context.put("tab", "\t");
        return context;
    }

    private Report merge(VelocityContext context, Flags flags) {
        StringWriter out = new StringWriter(32 * 1024);
        template.merge(context, out);
        // Spaces at a line's end go; a tab stays, for it ends an empty cell of the appendix's rows.
        String marked = out.toString().replace("\r\n", "\n").replaceAll(" +\n", "\n");
        return new Report(Unicode.nfc(marked), flags.printed());
    }
}
