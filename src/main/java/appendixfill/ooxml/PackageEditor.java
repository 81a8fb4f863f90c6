package appendixfill.ooxml;


import appendixfill.ooxml.Unsupported.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.LocationInfo;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A package being changed into a new one: parts edited by splicing ({@link PartText}), added or
 * removed, relationships and content types kept in step. Every part not touched is copied as the
 * zip stored it; every part written is parsed again before the zip is, so a part the tool broke
 * is a bug that stops the write, never a file sent on.
 */
public final class PackageEditor {

    private final OpcPackage source;
    /** Parts edited or written, by name; a removed part maps to null. */
    private final Map<String, Object> changed = new LinkedHashMap<>();
    /** Parts added, in the order added, with their content types. */
    private final Map<String, String> added = new LinkedHashMap<>();
    /** Relationship ids added or removed per source part, to keep ids unique. */
    private final Map<String, Set<String>> idsTaken = new LinkedHashMap<>();
    /** Default content types to have, by extension (lower case). */
    private final Map<String, String> defaultsAdded = new LinkedHashMap<>();

    public PackageEditor(OpcPackage source) {
        this.source = source;
    }

    public OpcPackage source() {
        return source;
    }

    /** A part's name as the package spells it when it has the part (OPC compares names regardless of case). */
    private String spelled(String part) {
        return changed.containsKey(part) || added.containsKey(part) ? part : source.find(part).orElse(part);
    }

    /** The part as text to edit; the same text each time it is asked for. */
    public PartText text(String named) throws Unsupported {
        String part = spelled(named);
        Object known = changed.get(part);
        if (known instanceof PartText text) {
            return text;
        }
        if (changed.containsKey(part)) {
            throw new IllegalStateException(part + " was removed or written whole");
        }
        PartText text = PartText.of(part, source.bytes(part));
        changed.put(part, text);
        return text;
    }

    /** True when the package (as changed so far) has the part. */
    public boolean has(String named) {
        String part = spelled(named);
        if (changed.containsKey(part)) {
            return changed.get(part) != null;
        }
        return source.has(part) || added.containsKey(part);
    }

    /** Writes a part whole (new, or in place of one); its content type is set when given. */
    public void put(String named, byte[] content, String contentType) {
        String part = spelled(named);
        boolean existed = has(part);
        changed.put(part, content);
        if (!existed) {
            added.put(part, contentType);
        } else if (contentType != null && !contentType.equals(source.contentType(part))) {
            added.put(part, contentType);
        }
    }

    /** Removes a part, its relationships part and its content-type override. */
    public void remove(String named) {
        String part = spelled(named);
        changed.put(part, null);
        added.remove(part);
        String rels = OpcPackage.relsPart(part);
        if (has(rels)) {
            changed.put(spelled(rels), null);
        }
    }

    /** A part name not yet taken: prefix + n + suffix, n from 1, compared as OPC compares names. */
    public String freeName(String prefix, String suffix) {
        for (int n = 1; ; n++) {
            String name = prefix + n + suffix;
            if (!takenIgnoringCase(name)) {
                return name;
            }
        }
    }

    private boolean takenIgnoringCase(String name) {
        String folded = ZipArchive.fold(name);
        return source.has(name) && !(changed.containsKey(source.find(name).orElse(name))
                && changed.get(source.find(name).orElse(name)) == null)
                || changed.keySet().stream().anyMatch(k -> ZipArchive.fold(k).equals(folded) && changed.get(k) != null);
    }

    /**
     * Adds a relationship from one part to another and returns its id; the relationships part is
     * made when the source has none.
     *
     * @param type the last segment of the transitional type (worksheet, comments, vmlDrawing…)
     */
    public String relate(String sourcePart, String type, String targetPart) throws Unsupported {
        String rels = OpcPackage.relsPart(sourcePart);
        Set<String> ids = ids(sourcePart);
        String id = "rId1";
        for (int n = 1; ids.contains(id); n++) {
            id = "rId" + n;
        }
        ids.add(id);
        PartText text;
        if (has(rels)) {
            text = text(rels);
        } else {
            text = PartText.fresh(rels, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"" + Xml.PACKAGE_RELATIONSHIPS + "\"></Relationships>");
            changed.put(rels, text);
            if (!source.has(rels)) {
                added.put(rels, "application/vnd.openxmlformats-package.relationships+xml");
            }
        }
        Markup relationship = new Markup(text.root().scope()).start(Xml.PACKAGE_RELATIONSHIPS, "Relationship")
                .attribute("Id", id)
                .attribute("Type", Xml.RELATIONSHIPS + "/" + type)
                .attribute("Target", OpcPackage.relative(sourcePart.isEmpty() ? "/" : sourcePart, targetPart))
                .end(Xml.PACKAGE_RELATIONSHIPS, "Relationship");
        text.appendToRoot(relationship.toString());
        return id;
    }

    /** Removes a relationship of a part by its id. */
    public void unrelate(String sourcePart, String id) throws Unsupported {
        String rels = OpcPackage.relsPart(sourcePart);
        PartText text = text(rels);
        XMLStreamReader2 xml = text.reader();
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && Xml.is(xml, Xml.PACKAGE_RELATIONSHIPS, "Relationship") && id.equals(Xml.attribute(xml, "Id"))) {
                    int start = (int) xml.getLocationInfo().getStartingCharOffset();
                    Xml.skip(xml);
                    text.replace(start, (int) xml.getLocationInfo().getEndingCharOffset(), "");
                    return;
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, rels);
        }
    }

    private Set<String> ids(String sourcePart) throws Unsupported {
        Set<String> ids = idsTaken.get(sourcePart);
        if (ids == null) {
            ids = new HashSet<>();
            for (OpcPackage.Relationship r : source.relationships(sourcePart)) {
                ids.add(r.id());
            }
            idsTaken.put(sourcePart, ids);
        }
        return ids;
    }

    /** Makes sure an extension has a default content type. */
    public void requireDefault(String extension, String contentType) {
        defaultsAdded.put(extension.toLowerCase(Locale.ROOT), contentType);
    }

    /**
     * Writes the changed package: the parts in the source's order, then those added; content types
     * brought in step; every part written parsed again first.
     */
    public void write(OutputStream out, int level) throws IOException, Unsupported {
        Map<String, byte[]> written = new LinkedHashMap<>();
        for (Map.Entry<String, Object> part : changed.entrySet()) {
            if (part.getValue() instanceof PartText text) {
                if (!text.unchanged()) {
                    written.put(part.getKey(), text.bytes());
                }
            } else if (part.getValue() instanceof byte[] bytes) {
                written.put(part.getKey(), bytes);
            }
        }
        String typesPart = source.find(OpcPackage.CONTENT_TYPES_PART).orElseThrow();
        byte[] types = contentTypes(typesPart);
        if (types != null) {
            written.put(typesPart, types);
        }
        for (Map.Entry<String, byte[]> part : written.entrySet()) {
            if (part.getKey().equals(typesPart) || isXml(part.getKey())) {
                requireWellFormed(part.getKey(), part.getValue());
            }
        }
        Map<String, String> renamed = spelledAsReferenced();
        try (ZipWriter zip = new ZipWriter(out, level)) {
            for (String part : source.zip().names()) {
                String name = renamed.getOrDefault(part, part);
                if (written.containsKey(part)) {
                    zip.add(name, written.remove(part));
                } else if (!changed.containsKey(part) || changed.get(part) instanceof PartText) {
                    // Not changed, or read as text and left as it was: copied as the zip stored it.
                    source.zip().copyTo(part, name, zip);
                }
            }
            for (Map.Entry<String, byte[]> part : written.entrySet()) {
                zip.add(renamed.getOrDefault(part.getKey(), part.getKey()), part.getValue());
            }
        }
    }

    /**
     * Parts whose name in the zip differs only in case from the name a relationship gives them,
     * with that name: OPC compares names regardless of case, LibreOffice does not, and the
     * completed workbook must open there.
     */
    private Map<String, String> spelledAsReferenced() throws Unsupported {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String rels : source.parts()) {
            int folder = rels.lastIndexOf("_rels/");
            if (!rels.endsWith(".rels") || folder < 0) {
                continue;
            }
            String part = rels.substring(0, folder) + rels.substring(folder + "_rels/".length(), rels.length() - 5);
            if (!OpcPackage.relsPart(part).equals(rels)) {
                continue;
            }
            for (OpcPackage.Relationship relationship : source.relationships(part)) {
                if (relationship.external()) {
                    continue;
                }
                String named = OpcPackage.resolve(part.isEmpty() ? "/" : part, relationship.target().strip());
                if (!named.equals(relationship.part()) && named.equalsIgnoreCase(relationship.part())) {
                    renamed.putIfAbsent(relationship.part(), named);
                }
            }
        }
        // A part's relationships part is found by the part's name: it follows its part.
        for (Map.Entry<String, String> part : List.copyOf(renamed.entrySet())) {
            renamed.putIfAbsent(OpcPackage.relsPart(part.getKey()), OpcPackage.relsPart(part.getValue()));
        }
        return renamed;
    }

    private boolean isXml(String part) {
        String type = added.containsKey(part) ? added.get(part) : source.contentType(part);
        return type == null || type.endsWith("xml") || part.endsWith(".rels") || part.endsWith(".xml");
    }

    /**
     * A part the tool wrote that does not parse is the tool's bug: never written. Parsed by the reader
     * of parts, XmlScanner, as strict as Woodstox (namespaces, nesting, characters) and the faster.
     */
    private static void requireWellFormed(String part, byte[] bytes) {
        try {
            XmlScanner xml = XmlScanner.of(bytes, part);
            while (xml.hasNext()) {
                xml.next();
            }
        } catch (Unsupported e) {
            throw new IllegalStateException("the tool wrote " + part + " so that it does not parse: " + e.getMessage(),
                    e);
        }
    }

    /** [Content_Types].xml with the overrides of parts added and removed; null when it needs no change. */
    private byte[] contentTypes(String part) throws Unsupported {
        List<String> overrides = new ArrayList<>();
        for (Map.Entry<String, String> entry : added.entrySet()) {
            if (entry.getValue() != null && changed.get(entry.getKey()) != null
                    && !entry.getValue().equals(source.contentType(entry.getKey()))) {
                overrides.add(entry.getKey());
            }
        }
        List<String> removed = changed.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();
        if (overrides.isEmpty() && removed.isEmpty() && defaultsAdded.isEmpty()) {
            return null;
        }
        PartText text = PartText.of(part, source.bytes(part));
        Set<String> replaced = new HashSet<>();
        overrides.forEach(p -> replaced.add(ZipArchive.fold("/" + p)));
        removed.forEach(p -> replaced.add(ZipArchive.fold("/" + p)));
        Set<String> knownDefaults = new HashSet<>();
        XMLStreamReader2 xml = text.reader();
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (Xml.is(xml, Xml.CONTENT_TYPES, "Override")) {
                    String name = Xml.attribute(xml, "PartName");
                    if (name != null && replaced.contains(ZipArchive.fold(name.strip()))) {
                        int start = (int) xml.getLocationInfo().getStartingCharOffset();
                        Xml.skip(xml);
                        text.replace(start, (int) xml.getLocationInfo().getEndingCharOffset(), "");
                    }
                } else if (Xml.is(xml, Xml.CONTENT_TYPES, "Default")) {
                    knownDefaults.add(String.valueOf(Xml.attribute(xml, "Extension")).toLowerCase(Locale.ROOT));
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.failure(e, part);
        }
        Markup markup = new Markup(text.root().scope());
        defaultsAdded.forEach((extension, type) -> {
            if (!knownDefaults.contains(extension)) {
                markup.start(Xml.CONTENT_TYPES, "Default").attribute("Extension", extension).attribute("ContentType", type)
                        .end(Xml.CONTENT_TYPES, "Default");
            }
        });
        for (String override : overrides) {
            markup.start(Xml.CONTENT_TYPES, "Override").attribute("PartName", "/" + override)
                    .attribute("ContentType", added.get(override)).end(Xml.CONTENT_TYPES, "Override");
        }
        String added = markup.toString();
        if (!added.isEmpty()) {
            text.appendToRoot(added);
        }
        return text.bytes();
    }

    /** Refuses the package when any XML part of it has a DOCTYPE: nothing with one is ever copied into an output. */
    public static void requireNoDoctype(OpcPackage pkg) throws Unsupported {
        for (String part : pkg.parts()) {
            if (pkg.isXml(part) || part.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                XMLStreamReader2 xml = pkg.xml(part);
                try {
                    xml.closeCompletely();
                } catch (XMLStreamException e) {
                    throw Xml.failure(e, part);
                }
            }
        }
    }
}
