package appendixfill.report;

import appendixfill.consolidate.Consolidated;
import appendixfill.indicator.Document;
import appendixfill.indicator.Figures;
import appendixfill.indicator.Unicode;
import java.io.StringWriter;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/** Merges a workbook's figures, or a consolidation, into a Velocity narrative template. */
public final class Narrative {

    /** The template, under the classpath folder the build copies {@code velocity/} into. */
    public static final String TEMPLATE = "velocity/bao-cao.vm";

    /** The receiver's report on a consolidation. */
    public static final String CONSOLIDATION_TEMPLATE = "velocity/tong-hop.vm";

    private final VelocityEngine engine;
    private final Template template;

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
        engine = new VelocityEngine(properties);
        engine.init();
        template = engine.getTemplate(templateName, "UTF-8");
    }

    /** The receiver's report on a consolidation ({@link #CONSOLIDATION_TEMPLATE}). */
    public static Narrative consolidation() {
        return new Narrative(CONSOLIDATION_TEMPLATE);
    }

    /** The report text, NFC, lines ending in \n. */
    public String render(Figures figures) {
        VelocityContext context = new VelocityContext();
        context.put("v", new IndicatorViews(figures));
        context.put("doc", new DocumentView(Document.of(figures)));
        return merge(context);
    }

    /**
     * The receiver's report on a consolidation, NFC, lines ending in \n.
     *
     * @param unitsFile the name of the units.csv written beside it, where a list cut short in the report is whole
     */
    public String render(Consolidated consolidated, String unitsFile) {
        VelocityContext context = new VelocityContext();
        context.put("v", new IndicatorViews(consolidated.figures()));
        context.put("c", new ConsolidationView(consolidated, unitsFile));
        return merge(context);
    }

    private String merge(VelocityContext context) {
        StringWriter out = new StringWriter();
        template.merge(context, out);
        String text = out.toString().replace("\r\n", "\n").replaceAll("[ \\t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n").strip() + "\n";
        return Unicode.nfc(text);
    }
}
