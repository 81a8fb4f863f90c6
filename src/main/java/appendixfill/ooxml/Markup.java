package appendixfill.ooxml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;

/**
 * Markup written into a place of an existing part: each element and attribute named with the
 * prefix its namespace has in scope there, and a namespace that has none there declared on each
 * top-level element written, so the result is namespace-well-formed whatever prefixes the part's
 * producer chose (x:, none, one per element).
 */
public final class Markup {

    /** The prefixes the tool declares when it must, by namespace. */
    private static final Map<String, String> PREFERRED = Map.of(Xml.MAIN, "x", Xml.RELATIONSHIPS, "r",
            Xml.MARKUP_COMPATIBILITY, "mc", "urn:schemas-microsoft-com:vml", "v",
            "urn:schemas-microsoft-com:office:office", "o", "urn:schemas-microsoft-com:office:excel", "x",
            Xml.VARIANT_TYPES, "vt");

    /** The namespaces whose elements are written unprefixed in a part the tool writes whole, as Excel writes them. */
    private static final java.util.Set<String> DEFAULT = java.util.Set.of(Xml.MAIN, Xml.CONTENT_TYPES,
            Xml.PACKAGE_RELATIONSHIPS, Xml.CUSTOM_PROPERTIES,
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main");

    private final NamespaceContext scope;
    private final StringBuilder out = new StringBuilder();
    /** Namespaces this markup declares itself, with their prefixes. */
    private final Map<String, String> declared = new LinkedHashMap<>();
    /** Where each top-level start tag's name ends: the declarations go there. */
    private final List<Integer> topLevel = new ArrayList<>();
    private int depth;
    private boolean inStartTag;

    /** @param scope the namespaces in scope where the markup will stand */
    public Markup(NamespaceContext scope) {
        this.scope = scope;
    }

    /** Markup for a part the tool writes whole: the namespaces it uses declared on its root. */
    public static Markup fresh() {
        return new Markup(EMPTY);
    }

    public Markup start(String namespace, String local) {
        closeStartTag();
        out.append('<').append(elementName(namespace, local));
        if (depth == 0) {
            topLevel.add(out.length());
        }
        depth++;
        inStartTag = true;
        return this;
    }

    /** An attribute without a namespace. */
    public Markup attribute(String local, String value) {
        out.append(' ').append(local).append("=\"").append(Xml.escapeAttribute(value)).append('"');
        return this;
    }

    /** An attribute of a namespace (r:id), prefixed as it must be: a default namespace does not apply to attributes. */
    public Markup attribute(String namespace, String local, String value) {
        out.append(' ').append(attributePrefix(namespace)).append(':').append(local).append("=\"")
                .append(Xml.escapeAttribute(value)).append('"');
        return this;
    }

    /** Element content, escaped. */
    public Markup text(String text) {
        closeStartTag();
        out.append(Xml.escape(text));
        return this;
    }

    /** Markup taken as it is (copied from a part, its namespaces the same as here). */
    public Markup raw(String markup) {
        closeStartTag();
        out.append(markup);
        return this;
    }

    /** Ends the element last started: {@code />} when it has no content yet. */
    public Markup end(String namespace, String local) {
        depth--;
        if (inStartTag) {
            out.append("/>");
            inStartTag = false;
        } else {
            out.append("</").append(elementName(namespace, local)).append('>');
        }
        return this;
    }

    private void closeStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    private String elementName(String namespace, String local) {
        String prefix = declared.get(namespace);
        if (prefix == null) {
            prefix = inScope(namespace, true);
        }
        if (prefix == null) {
            prefix = declare(namespace, true);
        }
        return prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private String attributePrefix(String namespace) {
        String prefix = declared.get(namespace);
        if (prefix != null && !prefix.isEmpty()) {
            return prefix;
        }
        prefix = inScope(namespace, false);
        return prefix != null ? prefix : declare(namespace, false);
    }

    /** A prefix bound to the namespace where the markup stands and not rebound by this markup. */
    private String inScope(String namespace, boolean defaultAllowed) {
        if (defaultAllowed && namespace.equals(scope.getNamespaceURI("")) && !declared.containsValue("")) {
            return "";
        }
        for (var prefixes = scope.getPrefixes(namespace); prefixes.hasNext(); ) {
            String prefix = (String) prefixes.next();
            if (!prefix.isEmpty() && !declared.containsValue(prefix) && namespace.equals(scope.getNamespaceURI(prefix))) {
                return prefix;
            }
        }
        return null;
    }

    /** Declares a namespace: the default one for elements where no default is in scope, else a free prefix. */
    private String declare(String namespace, boolean element) {
        String inScopeDefault = scope.getNamespaceURI("");
        if (element && DEFAULT.contains(namespace) && (inScopeDefault == null || inScopeDefault.isEmpty())
                && !declared.containsValue("")) {
            declared.put(namespace, "");
            return "";
        }
        String base = PREFERRED.getOrDefault(namespace, "ns");
        String prefix = base;
        for (int n = 1; isTaken(prefix); n++) {
            prefix = base + n;
        }
        declared.put(namespace, prefix);
        return prefix;
    }

    private boolean isTaken(String prefix) {
        String bound = scope.getNamespaceURI(prefix);
        return bound != null && !bound.isEmpty() || declared.containsValue(prefix);
    }

    /** The markup, its declarations on every top-level element. */
    @Override
    public String toString() {
        closeStartTag();
        if (depth != 0) {
            throw new IllegalStateException("markup with elements left open: " + out);
        }
        if (declared.isEmpty()) {
            return out.toString();
        }
        StringBuilder declarations = new StringBuilder();
        declared.forEach((namespace, prefix) -> declarations.append(" xmlns").append(prefix.isEmpty() ? "" : ":" + prefix)
                .append("=\"").append(Xml.escapeAttribute(namespace)).append('"'));
        StringBuilder result = new StringBuilder(out);
        for (int i = topLevel.size() - 1; i >= 0; i--) {
            result.insert(topLevel.get(i), declarations);
        }
        return result.toString();
    }

    /** No namespace in scope: a part written whole. */
    private static final NamespaceContext EMPTY = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return prefix.equals("xml") ? Xml.XML : "";
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return Xml.XML.equals(namespaceURI) ? "xml" : null;
        }

        @Override
        public java.util.Iterator<String> getPrefixes(String namespaceURI) {
            return Xml.XML.equals(namespaceURI) ? List.of("xml").iterator() : java.util.Collections.emptyIterator();
        }
    };
}
