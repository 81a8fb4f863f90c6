package appendixfill.workbook;

import appendixfill.workbook.PatchedWorkbook.Declined;
import appendixfill.workbook.XmlText.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * An Office Open XML package (an .xlsx) as the in-place patcher holds it: its parts by name, in the
 * zip's order, read whole into memory; how parts point at each other (relationships) and are typed
 * (content types); names for new parts; and the zip written back.
 */
final class OpcPackage {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    static final String WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    static final String COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    static final String VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";
    static final String XML_HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    /** The time every part of a completed workbook carries (the zip's own field; Excel writes the same). */
    private static final java.time.LocalDateTime PART_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);
    /** A part larger than this is not a form: POI's reader says what it is. */
    private static final int MAX_PART = 16 << 20;
    /** All the parts of a form together: some 150 kB; a workbook far beyond it is POI's to judge. */
    private static final long MAX_TOTAL = 48 << 20;
    /** Entries in the zip: a form has a dozen or two. */
    private static final int MAX_ENTRIES = 5_000;

    private OpcPackage() {
    }

    /** Every part of the zip, in its order, read into memory (a form is some 150 kB). */
    static LinkedHashMap<String, byte[]> read(Path file) throws IOException, Declined {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw new Declined("not a zip");
            }
        }
        LinkedHashMap<String, byte[]> parts = new LinkedHashMap<>();
        long budget = MAX_TOTAL;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > MAX_ENTRIES) {
                throw new Declined(zip.size() + " entries");
            }
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                // Whatever a part's header claims, it is read no further than a form's part can be,
                // nor than a hundred times its compressed size past the first megabyte (a zip bomb is
                // POI's to refuse, with its message), nor than what is left of the whole budget.
                long limit = Math.min(budget, Math.min(MAX_PART, Math.max(1 << 20, 100 * Math.max(0,
                        entry.getCompressedSize()))));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) limit + 1);
                    if (bytes.length > limit || parts.put(entry.getName(), bytes) != null) {
                        throw new Declined("part too large, too compressed or twice: " + entry.getName());
                    }
                    budget -= bytes.length;
                }
            }
        }
        return parts;
    }

    /** The parts written as a zip; a part mapped to null is left out. */
    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // The fastest compression: a completed workbook is some 10 % larger, and written in a
            // third of the time (a good part of each workbook's time in a batch).
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                if (part.getValue() == null) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(part.getKey());
                // As Excel dates its parts; a time of now would start the time-zone machinery.
                entry.setTimeLocal(PART_TIME);
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Relationships by id. */
    static Map<String, Span> relationships(String xml) {
        Map<String, Span> rels = new LinkedHashMap<>();
        for (Span rel : XmlText.elements(xml, "Relationship", 0, xml.length())) {
            rels.put(rel.attributes().get("Id"), rel);
        }
        return rels;
    }

    /** The target of the first internal relationship of a type (named by its last segment). */
    static Optional<String> target(Map<String, Span> rels, String type) {
        for (Span rel : rels.values()) {
            if (rel.attributes().getOrDefault("Type", "").endsWith(type)
                    && !"External".equals(rel.attributes().get("TargetMode"))) {
                return Optional.ofNullable(rel.attributes().get("Target"));
            }
        }
        return Optional.empty();
    }

    /** A relationship target as a zip entry name, from the folder of the part that points at it. */
    static String resolve(String folder, String target) {
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        java.util.Deque<String> path = new java.util.ArrayDeque<>();
        for (String segment : (folder + target).split("/")) {
            if (segment.equals("..")) {
                path.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                path.addLast(segment);
            }
        }
        return String.join("/", path);
    }

    static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    static String text(Map<String, byte[]> parts, String name) throws Declined {
        byte[] bytes = parts.get(name);
        if (bytes == null) {
            throw new Declined("no part " + name);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String relative(String folder, String part) {
        String[] from = folder.split("/");
        String[] to = part.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder path = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            if (!from[i].isEmpty()) {
                path.append("../");
            }
        }
        for (int i = common; i < to.length; i++) {
            path.append(to[i]).append(i < to.length - 1 ? "/" : "");
        }
        return path.toString();
    }

    static String freeName(Map<String, byte[]> parts, String prefix, String suffix) {
        for (int n = 1; ; n++) {
            String name = prefix + n + suffix;
            if (!parts.containsKey(name)) {
                parts.put(name, new byte[0]);
                return name;
            }
        }
    }

    static String freeId(java.util.Collection<String> ids, int skip) {
        int found = 0;
        for (int n = 1; ; n++) {
            if (!ids.contains("rId" + n) && found++ == skip) {
                return "rId" + n;
            }
        }
    }

    /** The content types part, with the overrides a fill adds or removes. */
    static final class ContentTypes {
        String xml;

        ContentTypes(String xml) {
            this.xml = xml;
        }

        void override(String part, String type) {
            boolean known = XmlText.elements(xml, "Override", 0, xml.length()).stream()
                    .anyMatch(o -> part.equals(o.attributes().get("PartName")));
            if (!known) {
                add("<Override PartName=\"" + XmlText.attribute(part) + "\" ContentType=\"" + type + "\"/>");
            }
        }

        void remove(String part) {
            for (Span o : XmlText.elements(xml, "Override", 0, xml.length())) {
                if (part.equals(o.attributes().get("PartName"))) {
                    xml = xml.substring(0, o.start()) + xml.substring(o.end());
                    return;
                }
            }
        }

        void vml() {
            boolean known = XmlText.elements(xml, "Default", 0, xml.length()).stream()
                    .anyMatch(d -> "vml".equalsIgnoreCase(d.attributes().get("Extension")));
            if (!known) {
                add("<Default Extension=\"vml\" ContentType=\"" + VML_TYPE + "\"/>");
            }
        }

        private void add(String element) {
            int close = xml.lastIndexOf("</Types>");
            xml = xml.substring(0, close) + element + xml.substring(close);
        }
    }
}
