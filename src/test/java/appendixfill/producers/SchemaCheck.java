package appendixfill.producers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.SchemaType;
import org.apache.xmlbeans.SchemaTypeLoader;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The parts of a package checked against the ECMA-376 transitional schemas (poi-ooxml-full's
 * XMLBeans types), after Markup Compatibility processing (ECMA-376 Part 3) as a consumer that
 * understands only the ECMA-376 namespaces does it: attributes and elements of ignorable
 * namespaces dropped, {@code mc:AlternateContent} replaced by its first understood choice or its
 * fallback; the content of extension elements ({@code <ext>}) is left as it is, since the schema
 * validates it laxly. Strict Open XML parts are read in their transitional namespaces. Attributes
 * {@code xml:space} are dropped first: XML 1.0 (§2.10) allows them on any element and Excel writes
 * them on every text element, but the ECMA-376 schemas declare them nowhere.
 */
final class SchemaCheck {

    /** Every ECMA-376 schema compiled into one type system; the worksheet's is any of its types. */
    private static final SchemaTypeLoader OOXML = WorksheetDocument.type.getTypeSystem();

    private SchemaCheck() {
    }

    /** Whether a part's content type says it is SpreadsheetML or a relationships part: those must have a schema. */
    static boolean mustValidate(String partName, String contentType) {
        return contentType.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.")
                || contentType.equals("application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                || contentType.equals("application/vnd.openxmlformats-package.relationships+xml")
                || contentType.equals("application/vnd.openxmlformats-officedocument.drawing+xml")
                || partName.toLowerCase(java.util.Locale.ROOT).endsWith(".rels");
    }

    /**
     * The schema errors of every XML part of the package, one "part: message" each. A part that
     * must have a schema (see {@link #mustValidate}) and has none is an error too; others without
     * a schema (VML, content types, core properties) are left out.
     */
    static Set<String> errors(PackageView view) {
        Set<String> errors = new LinkedHashSet<>();
        for (String entry : view.entries()) {
            String lower = entry.toLowerCase(java.util.Locale.ROOT);
            if (!(lower.endsWith(".xml") || lower.endsWith(".rels"))) {
                continue;
            }
            String contentType = entry.equals("[Content_Types].xml") ? "" : view.contentType(entry);
            Document document = PackageView.parse(view.requirePart(entry), entry);
            Element root = document.getDocumentElement();
            errors.addAll(processMarkupCompatibility(root, new HashSet<>(), entry));
            toTransitional(document);
            QName rootName = new QName(root.getNamespaceURI(), root.getLocalName());
            SchemaType type = OOXML.findDocumentType(rootName);
            if (type == null) {
                if (mustValidate(entry, contentType)) {
                    errors.add(entry + ": no ECMA-376 schema has a root element " + rootName);
                }
                continue;
            }
            try {
                XmlObject parsed = OOXML.parse(document, type, new XmlOptions().setLoadLineNumbers());
                List<XmlError> found = new ArrayList<>();
                parsed.validate(new XmlOptions().setErrorListener(found));
                for (XmlError error : found) {
                    errors.add(entry + ": " + error.getMessage());
                }
            } catch (XmlException e) {
                errors.add(entry + ": " + e.getMessage());
            }
        }
        return errors;
    }

    /** ECMA-376's own namespaces and XML's: what this consumer understands. */
    private static boolean understood(String namespace) {
        return namespace == null || namespace.startsWith("http://schemas.openxmlformats.org/")
                || namespace.startsWith("http://purl.oclc.org/ooxml/") || namespace.equals(PartXml.XML)
                || namespace.equals(PartXml.XMLNS) || namespace.startsWith("urn:schemas-microsoft-com:");
    }

    /** Applies Markup Compatibility to an element and its subtree; returns what MCE itself forbids. */
    private static List<String> processMarkupCompatibility(Element element, Set<String> ignorableAbove, String part) {
        List<String> problems = new ArrayList<>();
        Set<String> ignorable = new HashSet<>(ignorableAbove);
        String declared = element.getAttributeNS(PartXml.MC, "Ignorable");
        for (String prefix : declared.isBlank() ? new String[0] : declared.strip().split("\\s+")) {
            String namespace = element.lookupNamespaceURI(prefix);
            if (namespace == null) {
                problems.add(part + ": mc:Ignorable names the undeclared prefix «" + prefix + "»");
            } else {
                ignorable.add(namespace);
            }
        }
        String mustUnderstand = element.getAttributeNS(PartXml.MC, "MustUnderstand");
        for (String prefix : mustUnderstand.isBlank() ? new String[0] : mustUnderstand.strip().split("\\s+")) {
            if (!understood(element.lookupNamespaceURI(prefix))) {
                problems.add(part + ": mc:MustUnderstand names «" + prefix + "», not understood");
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (PartXml.MC.equals(namespace) || (!understood(namespace) && ignorable.contains(namespace))
                    || PartXml.XML.equals(namespace) && "space".equals(attribute.getLocalName())) {
                element.removeAttributeNode(attribute);
            }
        }
        if ("ext".equals(element.getLocalName()) && PartXml.MAIN.equals(PackageView.transitional(element.getNamespaceURI()))) {
            return problems;
        }
        Node child = element.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element e) {
                String namespace = e.getNamespaceURI();
                if (PartXml.MC.equals(namespace) && e.getLocalName().equals("AlternateContent")) {
                    Element chosen = choose(e);
                    if (chosen != null) {
                        for (Node c = chosen.getFirstChild(); c != null; ) {
                            Node following = c.getNextSibling();
                            element.insertBefore(c, e);
                            if (c instanceof Element ce) {
                                problems.addAll(processMarkupCompatibility(ce, ignorable, part));
                            }
                            c = following;
                        }
                    }
                    element.removeChild(e);
                } else if (!understood(namespace) && ignorable.contains(namespace)) {
                    element.removeChild(e);
                } else {
                    problems.addAll(processMarkupCompatibility(e, ignorable, part));
                }
            }
            child = next;
        }
        return problems;
    }

    /** The first {@code mc:Choice} whose required namespaces are all understood, else the {@code mc:Fallback}. */
    private static Element choose(Element alternateContent) {
        Element fallback = null;
        for (Node child = alternateContent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && PartXml.MC.equals(e.getNamespaceURI())) {
                if (e.getLocalName().equals("Choice")) {
                    boolean all = true;
                    for (String prefix : e.getAttribute("Requires").strip().split("\\s+")) {
                        all &= understood(e.lookupNamespaceURI(prefix)) && e.lookupNamespaceURI(prefix) != null;
                    }
                    if (all) {
                        return e;
                    }
                } else if (e.getLocalName().equals("Fallback")) {
                    fallback = e;
                }
            }
        }
        return fallback;
    }

    /** Renames Strict Open XML elements and attributes into their transitional namespaces. */
    private static void toTransitional(Document document) {
        for (Element element : PartXml.elements(document)) {
            String namespace = element.getNamespaceURI();
            Element renamed = element;
            if (namespace != null && !namespace.equals(PackageView.transitional(namespace))) {
                renamed = (Element) document.renameNode(element, PackageView.transitional(namespace), element.getNodeName());
            }
            NamedNodeMap attributes = renamed.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String attributeNamespace = attribute.getNamespaceURI();
                if (PartXml.XMLNS.equals(attributeNamespace)) {
                    attribute.setValue(PackageView.transitional(attribute.getValue()));
                } else if (attributeNamespace != null
                        && !attributeNamespace.equals(PackageView.transitional(attributeNamespace))) {
                    document.renameNode(attribute, PackageView.transitional(attributeNamespace), attribute.getName());
                }
            }
        }
    }
}
