package appendixfill.spreadsheet;

import appendixfill.ooxml.OpcPackage;
import appendixfill.ooxml.Unsupported;
import appendixfill.ooxml.Unsupported.Reason;
import appendixfill.ooxml.Xml;
import appendixfill.ooxml.ZipArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import appendixfill.ooxml.XmlScanner;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A file that may be a spreadsheet, told apart by its content, never by its name: an .xlsx or
 * .xlsm (read through {@link XlsxWorkbook}), an .xls or .ods (read whole into a {@link Grid}), or
 * what else it is, so that its refusal can say so.
 */
public final class SpreadsheetFile {

    /** What a file is. */
    public enum Kind {
        XLSX, XLS, ODS,
        /** An Office document protected by a password (an OLE2 container with EncryptionInfo). */
        ENCRYPTED,
        /** An OpenDocument file protected by a password. */
        ENCRYPTED_ODS,
        /** Excel 5.0/95 or older: POI does not read it. */
        OLD_XLS,
        DOCX, PPTX, ODT, OTHER_OPENDOCUMENT, OTHER_ZIP, DOC, OTHER_OLE2, HTML, CSV, TEXT, UNKNOWN
    }

    /**
     * A file opened: its kind, and its content when it is a spreadsheet, or why a spreadsheet of
     * that kind could not be read.
     */
    public record Opened(Kind kind, Optional<XlsxWorkbook> xlsx, Optional<Grid> grid, Optional<Unsupported> refusal) {

        Opened(Kind kind) {
            this(kind, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Opened refused(Kind kind, Unsupported refusal) {
            return new Opened(kind, Optional.empty(), Optional.empty(), Optional.of(refusal));
        }
    }

    private static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    private SpreadsheetFile() {
    }

    /**
     * Opens a file: what it is and, for a spreadsheet, its content. Unsupported when not even its
     * kind can be told (a zip cut short).
     */
    public static Opened open(Path file) throws IOException, Unsupported {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return ole2(file);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
            return zip(ZipArchive.read(file, ZipArchive.Limits.OFFICE));
        }
        return new Opened(looks(head));
    }

    private static Opened zip(ZipArchive zip) throws Unsupported {
        if (zip.find("[Content_Types].xml").isPresent()) {
            OpcPackage pkg;
            try {
                pkg = OpcPackage.of(zip);
            } catch (Unsupported e) {
                // A package whose content types do not read: what it is, told by its main part's usual name.
                Kind kind = zip.find("word/document.xml").isPresent() ? Kind.DOCX
                        : zip.find("ppt/presentation.xml").isPresent() ? Kind.PPTX : Kind.XLSX;
                return kind == Kind.XLSX ? Opened.refused(kind, e) : new Opened(kind);
            }
            Optional<String> document = pkg.target("", "officeDocument");
            String type = document.map(pkg::contentType).orElse("");
            if (type.contains("spreadsheetml") || type.contains("ms-excel")) {
                try {
                    return new Opened(Kind.XLSX, Optional.of(XlsxWorkbook.open(pkg)), Optional.empty(), Optional.empty());
                } catch (Unsupported e) {
                    return Opened.refused(Kind.XLSX, e);
                }
            }
            Kind kind = type.contains("wordprocessingml") || type.contains("ms-word") ? Kind.DOCX
                    : type.contains("presentationml") || type.contains("ms-powerpoint") ? Kind.PPTX
                    : document.isEmpty() && zip.find("xl/workbook.xml").isPresent() ? Kind.XLSX : Kind.OTHER_ZIP;
            if (kind == Kind.XLSX) {
                return Opened.refused(kind, new Unsupported(Reason.MISSING_PART, "_rels/.rels",
                        "no relationship to xl/workbook.xml"));
            }
            return new Opened(kind);
        }
        String mimetype = zip.find("mimetype").map(name -> {
            try {
                return new String(zip.read(name), StandardCharsets.US_ASCII).strip();
            } catch (Unsupported e) {
                return "";
            }
        }).orElse("");
        if (mimetype.equals("application/vnd.oasis.opendocument.spreadsheet") && zip.find("content.xml").isPresent()) {
            try {
                if (encrypted(zip)) {
                    return new Opened(Kind.ENCRYPTED_ODS);
                }
                return new Opened(Kind.ODS, Optional.empty(), Optional.of(OdsReader.read(zip)), Optional.empty());
            } catch (Unsupported e) {
                return Opened.refused(Kind.ODS, e);
            }
        }
        Kind kind = mimetype.startsWith("application/vnd.oasis.opendocument.text") ? Kind.ODT
                : mimetype.startsWith("application/vnd.oasis.opendocument") || zip.find("content.xml").isPresent()
                ? Kind.OTHER_OPENDOCUMENT : Kind.OTHER_ZIP;
        return new Opened(kind);
    }

    /** True when an OpenDocument's manifest says its content is encrypted. */
    private static boolean encrypted(ZipArchive zip) throws Unsupported {
        Optional<String> manifest = zip.find("META-INF/manifest.xml");
        if (manifest.isEmpty()) {
            return false;
        }
        XmlScanner xml = XmlScanner.of(zip.read(manifest.get()), manifest.get());
        while (xml.hasNext()) {
            if (xml.next() == XmlScanner.START_ELEMENT && xml.is(MANIFEST, "encryption-data")) {
                return true;
            }
        }
        return false;
    }

    private static Opened ole2(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                return new Opened(Kind.ENCRYPTED);
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) {
                return new Opened(root.hasEntry("WordDocument") ? Kind.DOC : Kind.OTHER_OLE2);
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK")) {
                return new Opened(Kind.OLD_XLS);
            }
            try (HSSFWorkbook workbook = new HSSFWorkbook(root, true)) {
                return new Opened(Kind.XLS, Optional.empty(), Optional.of(XlsReader.grid(workbook)), Optional.empty());
            }
        } catch (org.apache.poi.EncryptedDocumentException e) {
            return new Opened(Kind.ENCRYPTED);
        } catch (org.apache.poi.hssf.OldExcelFormatException e) {
            return new Opened(Kind.OLD_XLS);
        } catch (IOException | org.apache.poi.util.RecordFormatException
                | org.apache.poi.hssf.record.RecordInputStream.LeftoverDataException | IndexOutOfBoundsException
                | java.nio.BufferUnderflowException | java.util.NoSuchElementException | IllegalArgumentException
                | IllegalStateException | NegativeArraySizeException | UnsupportedOperationException
                | ArithmeticException | ClassCastException e) {
            // The ways POI's HSSF fails on a container or records that do not hold (seen by mutating
            // .xls files by the thousand): the file is damaged.
            return Opened.refused(Kind.XLS, new Unsupported(Reason.DAMAGED, "", "an .xls whose records do not hold", e));
        }
    }

    /** What a file that is neither a zip nor an OLE2 container looks like, from its first bytes. */
    private static Kind looks(byte[] head) {
        String text = null;
        // A character may be cut in two at the 4096th byte: try again without up to 3 trailing bytes.
        for (int cut = 0; cut <= Math.min(3, head.length) && text == null; cut++) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head, 0, head.length - cut)).toString();
            } catch (CharacterCodingException e) {
                if (head.length < 4096) {
                    break;
                }
            }
        }
        if (text == null || text.indexOf('\0') >= 0) {
            return Kind.UNKNOWN;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("<html") || lower.contains("<table")) {
            return Kind.HTML;
        }
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.contains(";") || firstLine.contains(",") || firstLine.contains("\t")) {
            return Kind.CSV;
        }
        return Kind.TEXT;
    }
}
