package appendixfill.ooxml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A part's events as two parsers read it, to compare them: each start tag with its namespace, local
 * name and attributes ({namespace}local=value, in order of name), each end tag, and the text between
 * tags joined; or the refusal, by its reason.
 */
public final class XmlEvents {

    private XmlEvents() {
    }

    /** As the tool's scanner reads the part. */
    public static List<String> byScanner(byte[] bytes, String part, Set<String> attributeNames) {
        List<String> events = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String[]> names = attributeNames.stream().sorted().map(name -> name.split("\t", -1)).toList();
        try {
            XmlScanner xml = XmlScanner.of(bytes, part);
            int event = xml.getEventType();
            while (true) {
                if (event == XmlScanner.CHARACTERS) {
                    text.append(xml.getText());
                } else {
                    flush(text, events);
                    if (event == XmlScanner.START_ELEMENT) {
                        events.add("start {" + xml.namespace() + "}" + local(xml) + " " + attributes(xml, names));
                    } else if (event == XmlScanner.END_ELEMENT) {
                        events.add("end");
                    } else {
                        break;
                    }
                }
                event = xml.next();
            }
        } catch (Unsupported e) {
            events.add("refused " + e.reason());
        }
        return events;
    }

    /** As Woodstox, the layer's reader of parts to be changed, reads it. */
    public static List<String> byWoodstox(byte[] bytes, String part, Set<String> attributeNames) {
        List<String> events = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader2 xml = Xml.open(new ByteArrayInputStream(bytes), part);
            int event = xml.getEventType();
            while (true) {
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    flush(text, events);
                    TreeSet<String> said = new TreeSet<>();
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String namespace = xml.getAttributeNamespace(i);
                        said.add("{" + Xml.canonical(namespace) + "}" + xml.getAttributeLocalName(i) + "="
                                + xml.getAttributeValue(i));
                        attributeNames.add(xml.getAttributeLocalName(i) + "\t" + (namespace == null ? "" : namespace));
                    }
                    String namespace = xml.getNamespaceURI();
                    events.add("start {" + (namespace == null ? "" : namespace) + "}" + xml.getLocalName() + " " + said);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    flush(text, events);
                    events.add("end");
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    flush(text, events);
                    break;
                }
                if (!xml.hasNext()) {
                    flush(text, events);
                    break;
                }
                event = xml.next();
            }
        } catch (Unsupported e) {
            events.add("refused " + e.reason());
        } catch (javax.xml.stream.XMLStreamException e) {
            events.add("refused " + Xml.failure(e, part).reason());
        }
        return events;
    }

    /**
     * The events, or only the refusal when the part was refused: Woodstox reads ahead, so that it may
     * refuse a part before giving events the scanner gives before refusing it.
     */
    public static List<String> outcome(List<String> events) {
        return !events.isEmpty() && events.get(events.size() - 1).startsWith("refused ")
                ? events.subList(events.size() - 1, events.size()) : events;
    }

    private static void flush(StringBuilder text, List<String> events) {
        if (text.length() > 0) {
            events.add("text " + text);
            text.setLength(0);
        }
    }

    private static String local(XmlScanner xml) {
        return xml.localName();
    }

    /** The attributes Woodstox named on this element's tag, asked of the scanner one by one. */
    private static TreeSet<String> attributes(XmlScanner xml, List<String[]> names) throws Unsupported {
        TreeSet<String> said = new TreeSet<>();
        for (String[] parts : names) {
            String namespace = Xml.canonical(parts[1]);
            String value = namespace.isEmpty() ? xml.attribute(parts[0]) : xml.attribute(namespace, parts[0]);
            if (value != null) {
                said.add("{" + namespace + "}" + parts[0] + "=" + value);
            }
        }
        if (said.size() != xml.attributeCount()) {
            said.add("(" + xml.attributeCount() + " attributes in all)");
        }
        return said;
    }
}
