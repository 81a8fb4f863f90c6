package appendixfill.ooxml;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The custom document properties (docProps/custom.xml) of a package being changed: properties of
 * the given names set as text, in place of ones of the same name; the others kept as they were.
 * The part is made, with its relationship and content type, when the package has none.
 */
public final class CustomProperties {

    private static final String PART = "docProps/custom.xml";
    private static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
    /** The format id every custom property carries. */
    private static final String FORMAT_ID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    private CustomProperties() {
    }

    /** Sets text properties, in the order given. */
    public static void set(PackageEditor pkg, Map<String, String> properties) throws Unsupported {
        String part = pkg.source().target("", "custom-properties").filter(pkg::has).orElse(null);
        PartText text;
        if (part == null) {
            part = pkg.has(PART) ? pkg.freeName("docProps/custom", ".xml") : PART;
            String fresh = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + Markup.fresh().start(Xml.CUSTOM_PROPERTIES, "Properties").text("")
                            .end(Xml.CUSTOM_PROPERTIES, "Properties");
            pkg.put(part, fresh.getBytes(StandardCharsets.UTF_8), CONTENT_TYPE);
            pkg.relate("", "custom-properties", part);
            text = PartText.fresh(part, fresh);
        } else {
            text = pkg.text(part);
        }
        Map<String, int[]> existing = new LinkedHashMap<>();
        int highest = 1;
        XMLStreamReader2 xml = text.reader();
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT || !Xml.is(xml, Xml.CUSTOM_PROPERTIES, "property")) {
                    continue;
                }
                int start = (int) xml.getLocationInfo().getStartingCharOffset();
                String name = Xml.attribute(xml, "name");
                String pid = Xml.attribute(xml, "pid");
                Xml.skip(xml);
                int end = (int) xml.getLocationInfo().getEndingCharOffset();
                int number = pid != null && pid.strip().matches("\\d{1,9}") ? Integer.parseInt(pid.strip()) : 1;
                highest = Math.max(highest, number);
                if (name != null) {
                    existing.put(name, new int[] {start, end, number});
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, part);
        }
        StringBuilder added = new StringBuilder();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            int[] known = existing.get(property.getKey());
            int pid = known != null ? known[2] : ++highest;
            String element = new Markup(text.root().scope()).start(Xml.CUSTOM_PROPERTIES, "property")
                    .attribute("fmtid", FORMAT_ID).attribute("pid", String.valueOf(pid))
                    .attribute("name", property.getKey()).start(Xml.VARIANT_TYPES, "lpwstr").text(property.getValue())
                    .end(Xml.VARIANT_TYPES, "lpwstr").end(Xml.CUSTOM_PROPERTIES, "property").toString();
            if (known != null) {
                text.replace(known[0], known[1], element);
            } else {
                added.append(element);
            }
        }
        if (added.length() > 0) {
            text.appendToRoot(added.toString());
        }
        pkg.put(part, text.bytes(), CONTENT_TYPE);
    }
}
