package appendixfill.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The inputs of the bad-input corpus that are better built in code than committed: each case's
 * {@code build=NAME} names one of them.
 */
final class BadInputs {

    static final Path EXAMPLE = Path.of("workbook-templates/example/vu-muon-nam-2023.xlsx");
    static final Path PLAIN_ODS = Path.of("src/test/resources/golden/plain-ods/input.ods");

    private BadInputs() {
    }

    static void build(String name, Path input) throws Exception {
        switch (name) {
            case "folder" -> Files.createDirectory(input);
            case "empty" -> Files.createFile(input);
            case "bytes" -> Files.write(input, new byte[] {1, 2, 3});
            case "example" -> Files.copy(EXAMPLE, input);
            case "truncated" -> {
                byte[] whole = Files.readAllBytes(EXAMPLE);
                Files.write(input, Arrays.copyOf(whole, whole.length / 2));
            }
            case "corrupt-zip" -> corruptZip(input);
            case "docx" -> zip(input, new String[] {"[Content_Types].xml", "<Types/>", "word/document.xml", "<document/>"});
            case "encrypted" -> encrypted(input);
            case "zip-bomb" -> zipBomb(input);
            case "xxe" -> xxe(input);
            case "ods-zip-bomb" -> replaceEntry(PLAIN_ODS, input, "content.xml", new byte[20 << 20]);
            case "ods-xxe" -> {
                String content = new String(entry(PLAIN_ODS, "content.xml"), StandardCharsets.UTF_8).replaceFirst("\\?>",
                        "?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>");
                replaceEntry(PLAIN_ODS, input, "content.xml", content.getBytes(StandardCharsets.UTF_8));
            }
            case "xls-encrypted" -> {
                try (org.apache.poi.hssf.usermodel.HSSFWorkbook workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                        OutputStream out = Files.newOutputStream(input)) {
                    workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("STT");
                    org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword("123");
                    try {
                        workbook.write(out);
                    } finally {
                        org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
                    }
                }
            }
            case "not-the-form" -> {
                try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
                    var sheet = workbook.createSheet("Sheet1");
                    sheet.createRow(0).createCell(0).setCellValue("Danh sách cán bộ");
                    sheet.createRow(1).createCell(0).setCellValue("STT");
                    sheet.getRow(1).createCell(1).setCellValue("Họ và tên");
                    workbook.write(out);
                }
            }
            case "example-and-read-only-out" -> {
                Files.copy(EXAMPLE, input);
                Path out = Files.createDirectory(input.resolveSibling("kết quả"));
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
                // Permissions do not bind root; an immutable folder does, where the file system allows it.
                immutable(out, true);
            }
            case "example-and-out-is-a-file" -> {
                Files.copy(EXAMPLE, input);
                Files.writeString(input.resolveSibling("kết quả"), "a file where the folder should be");
            }
            case "example-open-in-excel" -> {
                Files.copy(EXAMPLE, input);
                // Excel keeps "~$NAME" beside a workbook it has open (owner name inside, 165 bytes).
                Files.write(input.resolveSibling("~$" + "bieu.filled.xlsx"), new byte[165]);
            }
            case "example-open-in-libreoffice" -> {
                Files.copy(EXAMPLE, input);
                Files.writeString(input.resolveSibling(".~lock.bieu.filled.xlsx#"), "Cán bộ,may-tinh,host,25.11.2026 08:00,file:///home/can-bo/.config/libreoffice/4;",
                        StandardCharsets.UTF_8);
            }
            default -> PlainForms.build(name, input);
        }
    }

    /** Undoes what a build did that the temporary folder's clean-up could not. */
    static void cleanUp(String name, Path input) throws IOException {
        if ("example-and-read-only-out".equals(name)) {
            immutable(input.resolveSibling("kết quả"), false);
            Files.setPosixFilePermissions(input.resolveSibling("kết quả"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** True when nothing can be created in the folder (whoever runs the test). */
    static boolean unwritable(Path folder) {
        Path probe = folder.resolve(".probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void immutable(Path folder, boolean on) {
        try {
            Process chattr = new ProcessBuilder("chattr", on ? "+i" : "-i", folder.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            chattr.waitFor();
        } catch (IOException e) {
            // No chattr: the test is skipped when the folder stays writable.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile source = new ZipFile(zip.toFile())) {
            return source.getInputStream(source.getEntry(name)).readAllBytes();
        }
    }

    /** A copy of a zip with one entry's content replaced. */
    private static void replaceEntry(Path zip, Path target, String name, byte[] content) throws IOException {
        try (ZipFile source = new ZipFile(zip.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var entries = source.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(name) ? content : source.getInputStream(entry).readAllBytes());
            }
        }
    }

    private static void zip(Path target, String[] namesAndContents) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The example with the bytes of its compressed entries scrambled; the zip's directory is intact. */
    private static void corruptZip(Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(EXAMPLE);
        for (int i = 2000; i < bytes.length * 2 / 3; i += 7) {
            bytes[i] = (byte) (bytes[i] ^ 0x5A);
        }
        Files.write(target, bytes);
    }

    private static void encrypted(Path target) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(EXAMPLE, out);
            }
            try (OutputStream file = Files.newOutputStream(target)) {
                fs.writeFilesystem(file);
            }
        }
    }

    /** The example plus 20 MB of zeros that compress to a few kilobytes. */
    private static void zipBomb(Path target) throws IOException {
        copyExample(target, (name, content) -> content, zip -> {
            zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
        });
    }

    /** The example with an external entity declared in its workbook part. */
    private static void xxe(Path target) throws IOException {
        copyExample(target, (name, content) -> !name.equals("xl/workbook.xml") ? content
                : new String(content, StandardCharsets.UTF_8).replaceFirst("\\?>",
                        "?><!DOCTYPE w [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
                        .getBytes(StandardCharsets.UTF_8), zip -> { });
    }

    /** What a copy does to one part of the example. */
    private interface PartChange {
        byte[] apply(String name, byte[] content);
    }

    /** What a copy adds after the example's parts. */
    private interface Addition {
        void addTo(ZipOutputStream zip) throws IOException;
    }

    /** Copies the example's zip part by part, changing and adding what a case needs. */
    private static void copyExample(Path target, PartChange change, Addition addition) throws IOException {
        try (ZipFile source = new ZipFile(EXAMPLE.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var entries = source.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(change.apply(entry.getName(), source.getInputStream(entry).readAllBytes()));
            }
            addition.addTo(zip);
        }
    }
}
