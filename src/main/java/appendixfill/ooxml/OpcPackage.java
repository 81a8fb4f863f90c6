package appendixfill.ooxml;

import appendixfill.ooxml.Unsupported.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * An Office Open XML package read from its zip: its parts, what type each is ([Content_Types].xml)
 * and how they point at each other (the relationships parts), resolved as OPC says: relative and
 * absolute targets, percent-escapes, part names compared regardless of the case of letters.
 */
public final class OpcPackage {

    static final String CONTENT_TYPES_PART = "[Content_Types].xml";

    /** A relationship of a part: its id, its type (transitional), its target as written and the part it resolves to. */
    public record Relationship(String id, String type, String target, boolean external, String part) {
    }

    /** What [Content_Types].xml says: types by extension (lower case) and by part name (folded). */
    record ContentTypes(Map<String, String> defaults, Map<String, String> overrides) {
    }

    /**
     * Content types and relationships parsed before, by their exact stored bytes: the workbooks of
     * a consolidation, made from one template by one program, share them. Bounded.
     */
    private static final Map<Object, Object> PARSED = new ConcurrentHashMap<>();

    private final ZipArchive zip;
    private final ContentTypes types;
    private final Map<String, List<Relationship>> relationships = new HashMap<>();

    private OpcPackage(ZipArchive zip, ContentTypes types) {
        this.zip = zip;
        this.types = types;
    }

    /** Reads a package; what is not an OPC package is refused. */
    public static OpcPackage read(Path file) throws IOException, Unsupported {
        return of(ZipArchive.read(file, ZipArchive.Limits.OFFICE));
    }

    public static OpcPackage of(ZipArchive zip) throws Unsupported {
        String name = zip.find(CONTENT_TYPES_PART).orElseThrow(() -> new Unsupported(Reason.MISSING_PART,
                CONTENT_TYPES_PART, "not an Office Open XML package"));
        ContentTypes types = cached(zip.key(name), () -> parseTypes(zip.read(name), name));
        return new OpcPackage(zip, types);
    }

    public ZipArchive zip() {
        return zip;
    }

    /** The part's name as the zip has it, found as OPC compares names. */
    public Optional<String> find(String part) {
        return zip.find(part);
    }

    public boolean has(String part) {
        return zip.find(part).isPresent();
    }

    /** The part's bytes, inflated whole within the zip's limits. */
    public byte[] bytes(String part) throws Unsupported {
        return zip.read(require(part));
    }

    /** The part, inflated as read; a broken limit surfaces through the XML reader as {@link Unsupported}. */
    public InputStream open(String part) throws Unsupported {
        return zip.open(require(part));
    }

    /** A reader of the part standing on its root element. */
    public XMLStreamReader2 xml(String part) throws Unsupported {
        return Xml.open(open(part), part);
    }

    /** A reader of the part standing on its root element: the part inflated whole, within the zip's limits. */
    public XmlScanner scan(String part) throws Unsupported {
        return XmlScanner.of(bytes(part), part);
    }

    /** What exactly the part holds, without inflating it: equal keys, equal bytes. */
    public Object key(String part) throws Unsupported {
        return zip.key(require(part));
    }

    private String require(String part) throws Unsupported {
        return zip.find(part).orElseThrow(() -> new Unsupported(Reason.MISSING_PART, part, "no such part"));
    }

    /** The part's content type: its override, else its extension's default; "" when neither. */
    public String contentType(String part) {
        String type = types.overrides().get(ZipArchive.fold("/" + part));
        if (type != null) {
            return type;
        }
        int dot = part.lastIndexOf('.');
        return dot < 0 ? "" : types.defaults().getOrDefault(part.substring(dot + 1).toLowerCase(Locale.ROOT), "");
    }

    /** The part names, in the zip's order (folders left out). */
    public List<String> parts() {
        return zip.names().stream().filter(n -> !n.endsWith("/")).toList();
    }

    /** True when a part holds XML, by its content type. */
    public boolean isXml(String part) {
        String type = contentType(part);
        return type.endsWith("+xml") || type.endsWith("/xml") || part.endsWith(".rels")
                || part.equals(CONTENT_TYPES_PART) || type.equals("application/vnd.openxmlformats-officedocument.vmlDrawing");
    }

    /** The relationships of a part ("" for the package's own); none when it has no relationships part. */
    public List<Relationship> relationships(String source) throws Unsupported {
        List<Relationship> known = relationships.get(source);
        if (known != null) {
            return known;
        }
        Optional<String> rels = zip.find(relsPart(source));
        List<Relationship> parsed = List.of();
        if (rels.isPresent()) {
            String part = rels.get();
            List<Relationship> raw = cached(List.of("rels", source, zip.key(part)), () -> parseRelationships(source,
                    zip.read(part), part));
            // Targets resolved against this zip: a part named in another case is the same part.
            List<Relationship> resolved = new ArrayList<>(raw.size());
            for (Relationship r : raw) {
                resolved.add(r.external() ? r : new Relationship(r.id(), r.type(), r.target(), false,
                        zip.find(r.part()).orElse(r.part())));
            }
            parsed = List.copyOf(resolved);
        }
        relationships.put(source, parsed);
        return parsed;
    }

    /** The relationship of that id, if the part has it. */
    public Optional<Relationship> relationship(String source, String id) throws Unsupported {
        return relationships(source).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The part the first internal relationship of a type points at (type: the last segment, e.g. "styles"). */
    public Optional<String> target(String source, String type) throws Unsupported {
        String wanted = Xml.RELATIONSHIPS + "/" + type;
        return relationships(source).stream().filter(r -> !r.external() && r.type().equals(wanted))
                .map(Relationship::part).findFirst();
    }

    /** The relationships part of a part: xl/_rels/workbook.xml.rels; _rels/.rels for the package. */
    public static String relsPart(String source) {
        int slash = source.lastIndexOf('/');
        return source.substring(0, slash + 1) + "_rels/" + source.substring(slash + 1) + ".rels";
    }

    /** A target as a part name (no leading slash), resolved from the part that points at it. */
    public static String resolve(String source, String target) {
        String path = decode(target);
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        String base = path.startsWith("/") ? "" : source.substring(0, source.lastIndexOf('/') + 1);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : (base + path).split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    /** The target a part writes to point at another: relative to its own folder. */
    public static String relative(String source, String part) {
        String[] from = source.substring(0, source.lastIndexOf('/') + 1).split("/");
        String[] to = part.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && !from[common].isEmpty()
                && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder path = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            if (!from[i].isEmpty()) {
                path.append("../");
            }
        }
        path.append(String.join("/", java.util.Arrays.copyOfRange(to, common, to.length)));
        return path.toString();
    }

    /** Percent-escapes (%20, UTF-8 sequences) decoded; a malformed escape is left as it is. */
    private static String decode(String target) {
        if (target.indexOf('%') < 0) {
            return target;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < target.length()) {
            int hex = target.charAt(i) == '%' && i + 3 <= target.length() ? parseHex(target.substring(i + 1, i + 3)) : -1;
            if (hex >= 0) {
                bytes.write(hex);
                i += 3;
            } else {
                int c = target.codePointAt(i);
                byte[] encoded = Character.toString(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int parseHex(String digits) {
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Something parsed from a part. */
    public interface Parse<T> {
        T parse() throws Unsupported;
    }

    /**
     * What was parsed from a part, by its exact content ({@link #key}, or a key made of keys): the
     * workbooks of a consolidation, made from one template by one program, share workbook.xml,
     * styles and relationships byte for byte. Bounded: distinct workbooks must not fill memory.
     */
    @SuppressWarnings("unchecked")
    public static <T> T cached(Object key, Parse<T> parse) throws Unsupported {
        T known = (T) PARSED.get(key);
        if (known == null) {
            known = parse.parse();
            if (PARSED.size() >= 256) {
                PARSED.clear();
            }
            PARSED.put(key, known);
        }
        return known;
    }

    private static ContentTypes parseTypes(byte[] bytes, String part) throws Unsupported {
        Map<String, String> defaults = new HashMap<>();
        Map<String, String> overrides = new HashMap<>();
        XmlScanner xml = XmlScanner.of(bytes, part);
        if (!xml.is(Xml.CONTENT_TYPES, "Types")) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "the root is not Types");
        }
        while (xml.hasNext()) {
            if (xml.next() != XmlScanner.START_ELEMENT) {
                continue;
            }
            if (xml.is(Xml.CONTENT_TYPES, "Default")) {
                String extension = xml.attribute("Extension");
                String type = xml.attribute("ContentType");
                if (extension != null && type != null) {
                    defaults.put(extension.toLowerCase(Locale.ROOT), type.strip());
                }
            } else if (xml.is(Xml.CONTENT_TYPES, "Override")) {
                String name = xml.attribute("PartName");
                String type = xml.attribute("ContentType");
                if (name != null && type != null) {
                    overrides.put(ZipArchive.fold(decode(name.strip())), type.strip());
                }
            }
        }
        return new ContentTypes(Map.copyOf(defaults), Map.copyOf(overrides));
    }

    private static List<Relationship> parseRelationships(String source, byte[] bytes, String part) throws Unsupported {
        List<Relationship> found = new ArrayList<>();
        XmlScanner xml = XmlScanner.of(bytes, part);
        if (!xml.is(Xml.PACKAGE_RELATIONSHIPS, "Relationships")) {
            throw new Unsupported(Reason.MALFORMED_XML, part, "the root is not Relationships");
        }
        while (xml.hasNext()) {
            if (xml.next() != XmlScanner.START_ELEMENT
                    || !xml.is(Xml.PACKAGE_RELATIONSHIPS, "Relationship")) {
                continue;
            }
            String id = xml.attribute("Id");
            String type = xml.attribute("Type");
            String target = xml.attribute("Target");
            if (id == null || type == null || target == null) {
                throw new Unsupported(Reason.MALFORMED_XML, part, "a relationship without Id, Type or Target");
            }
            boolean external = "External".equals(xml.attribute("TargetMode"));
            found.add(new Relationship(id, Xml.canonicalType(type.strip()), target, external,
                    external ? "" : resolve(source.isEmpty() ? "/" : source, target.strip())));
        }
        return List.copyOf(found);
    }
}
