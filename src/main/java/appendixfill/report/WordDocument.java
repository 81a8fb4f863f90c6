package appendixfill.report;

import appendixfill.ooxml.ZipWriter;
import appendixfill.rule.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * A report laid out as a Word document (NAME.report.docx): the parts the narrative template marked,
 * placed as {@link WordBody} places them, the look of the page and of every paragraph kept as data in
 * {@code velocity/docx/} (styles, settings, the page-number headers), the figures under an error
 * highlighted and commented, the package zipped with fixed times so that the same report gives the
 * same bytes.
 *
 * <p>Written as text, not through POI's XWPF: XWPF loads XMLBeans and hundreds of schema classes, a
 * second or so of a single fill whose whole budget is a quarter of one, for a document whose every
 * part is known in advance.
 */
public final class WordDocument {

    private static final String FOLDER = "velocity/docx/";
    /** The package's parts, in the order they are zipped; the body and the comments are written, the others copied. */
    private static final List<String> PARTS = List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml",
            "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/comments.xml",
            "word/header1.xml", "word/header2.xml");
    private static final List<String> WRITTEN = List.of("word/document.xml", "word/comments.xml");

    private final Map<String, byte[]> copied = new LinkedHashMap<>();

    WordDocument() {
        for (String part : PARTS) {
            if (!WRITTEN.contains(part)) {
                copied.put(part, resource(FOLDER + part));
            }
        }
    }

    /** The report as the bytes of a .docx package. */
    public byte[] write(Report report) {
        Layout layout = Layout.of(report);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipWriter zip = new ZipWriter(bytes, Deflater.BEST_SPEED)) {
            for (String part : PARTS) {
                if (part.equals("word/document.xml")) {
                    zip.add(part, WordBody.document(layout).getBytes(StandardCharsets.UTF_8));
                } else if (part.equals("word/comments.xml")) {
                    zip.add(part, WordBody.comments(layout.comments()).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.add(part, copied.get(part));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a .docx in memory", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = WordDocument.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** The report's paragraphs by part, as {@link WordBody} places them. */
    static final class Layout {

        private final Map<String, List<Paragraph>> parts;
        private final List<Comment> comments;

        private Layout(Map<String, List<Paragraph>> parts, List<Comment> comments) {
            this.parts = parts;
            this.comments = comments;
        }

        /** Reads the marks of a report: parts, paragraph looks, table cells, flagged figures. */
        static Layout of(Report report) {
            Map<String, List<Paragraph>> parts = new LinkedHashMap<>();
            List<Comment> comments = new ArrayList<>();
            String part = "body";
            for (String line : report.marked().split("\n")) {
                if (!line.isEmpty() && line.charAt(0) == Marks.PART) {
                    int end = line.indexOf(Marks.END);
                    part = line.substring(1, end);
                    line = line.substring(end + 1);
                }
                String style = "";
                if (!line.isEmpty() && line.charAt(0) == Marks.STYLE) {
                    int end = line.indexOf(Marks.END);
                    style = line.substring(1, end);
                    line = line.substring(end + 1);
                }
                // A table row's cells are separated by tabs; officers' texts carry none (their runs of
                // white space are folded to one space when read).
                boolean row = line.indexOf('\t') >= 0;
                if (line.isBlank() && !row) {
                    continue;
                }
                List<List<Run>> cells = new ArrayList<>();
                for (String cell : line.split("\t", -1)) {
                    cells.add(runs(cell, report, comments));
                }
                parts.computeIfAbsent(part, name -> new ArrayList<>()).add(new Paragraph(style, cells));
            }
            return new Layout(parts, comments);
        }

        /** The paragraphs of a part, in order; empty when the report has no such part. */
        List<Paragraph> part(String name) {
            return parts.getOrDefault(name, List.of());
        }

        /** The comments, one for each figure under an error, numbered from 0 in the order of the text. */
        List<Comment> comments() {
            return comments;
        }

        private static List<Run> runs(String text, Report report, List<Comment> comments) {
            List<Run> runs = new ArrayList<>();
            int from = 0;
            while (from < text.length()) {
                int start = text.indexOf(Marks.FIGURE, from);
                if (start < 0) {
                    runs.add(new Run(text.substring(from), -1));
                    break;
                }
                if (start > from) {
                    runs.add(new Run(text.substring(from, start), -1));
                }
                int shown = text.indexOf(Marks.TEXT, start);
                int end = text.indexOf(Marks.END_FIGURE, shown);
                List<Finding> findings = report.flagged().get(text.substring(start + 1, shown));
                if (findings == null) {
                    throw new IllegalStateException("a figure marked with no finding: " + text);
                }
                int id = comments.size();
                comments.add(new Comment(id, findings.stream().map(Finding::message).toList()));
                runs.add(new Run(text.substring(shown + 1, end), id));
                from = end + 1;
            }
            return runs;
        }
    }

    /** A paragraph, or a row of the appendix's table: its look and its cells (one for a paragraph). */
    record Paragraph(String style, List<List<Run>> cells) {

        public Paragraph {
            cells = List.copyOf(cells);
        }

        /** The text of a paragraph (the first cell of a row). */
        List<Run> runs() {
            return cells.get(0);
        }
    }

    /** A run of text; {@code comment} is the number of the comment on it, or -1 for plain text. */
    record Run(String text, int comment) {
    }

    /** A comment on a flagged figure: the messages of the findings over it, one paragraph each. */
    record Comment(int id, List<String> paragraphs) {
    }
}
