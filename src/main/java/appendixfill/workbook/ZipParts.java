package appendixfill.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The parts of a small, plain zip package (an .xlsx as Excel, LibreOffice and POI write it), read
 * from the file's bytes in one go: a consolidation opens thousands of them, and
 * {@link java.util.zip.ZipFile} costs more per file than reading it whole. Each part's
 * compressed bytes are at hand, so a part that another workbook shares byte for byte is known
 * without being inflated. Anything out of the ordinary (ZIP64, encryption, another method than
 * stored or deflated, a prefix before the zip, names given twice) is {@link Unsupported}: the
 * caller then reads the file with ZipFile, which decides what the file is.
 */
final class ZipParts {

    /** Larger files are left to ZipFile, which reads only the parts asked for. */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    /** Not a zip this reader reads; ZipFile may. */
    static final class Unsupported extends IOException {
        Unsupported(String what) {
            super(what, null);
        }
    }

    /** Where a part's data is, and how it is stored. */
    private record Part(int method, int offset, int compressedSize, long size) {
    }

    private static final int END = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    /** One inflater per thread, reset for each part: making one costs a native allocation. */
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private final byte[] bytes;
    private final Map<String, Part> parts;

    private ZipParts(byte[] bytes, Map<String, Part> parts) {
        this.bytes = bytes;
        this.parts = parts;
    }

    /** Reads the file and its central directory. */
    static ZipParts read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new Unsupported("larger than " + MAX_FILE_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = endRecord(bytes);
        if (u16(bytes, end + 4) != 0 || u16(bytes, end + 6) != 0 || u16(bytes, end + 8) != u16(bytes, end + 10)) {
            throw new Unsupported("more than one disk");
        }
        int count = u16(bytes, end + 10);
        long directorySize = u32(bytes, end + 12);
        long directory = u32(bytes, end + 16);
        if (count == 0xFFFF || directory == 0xFFFFFFFFL || directory + directorySize != end) {
            throw new Unsupported("ZIP64, or data before the zip");
        }
        Map<String, Part> parts = new HashMap<>(2 * count);
        int at = (int) directory;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || i32(bytes, at) != CENTRAL) {
                throw new Unsupported("central directory");
            }
            int flags = u16(bytes, at + 8);
            int method = u16(bytes, at + 10);
            long compressedSize = u32(bytes, at + 20);
            long size = u32(bytes, at + 24);
            int nameLength = u16(bytes, at + 28);
            int next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
            long local = u32(bytes, at + 42);
            if ((flags & 1) != 0 || method != STORED && method != DEFLATED || compressedSize == 0xFFFFFFFFL
                    || size == 0xFFFFFFFFL || next > end || local + 30 > directory || i32(bytes, (int) local) != LOCAL) {
                throw new Unsupported("entry " + i);
            }
            String name = name(bytes, at + 46, nameLength);
            long data = local + 30 + u16(bytes, (int) local + 26) + u16(bytes, (int) local + 28);
            if (data + compressedSize > directory
                    || parts.put(name, new Part(method, (int) data, (int) compressedSize, size)) != null) {
                throw new Unsupported("entry " + name);
            }
            at = next;
        }
        return new ZipParts(bytes, parts);
    }

    boolean has(String name) {
        return parts.containsKey(name);
    }

    /** The size the directory declares for the part. */
    long size(String name) {
        return part(name).size();
    }

    long compressedSize(String name) {
        return part(name).compressedSize();
    }

    /**
     * What identifies the part's content exactly without inflating it: its method, declared size
     * and compressed bytes (the same compressed bytes always inflate to the same content).
     */
    byte[] stored(String name) {
        Part part = part(name);
        byte[] key = Arrays.copyOfRange(bytes, part.offset() - 9, part.offset() + part.compressedSize());
        key[0] = (byte) part.method();
        ByteBuffer.wrap(key, 1, 8).putLong(part.size());
        return key;
    }

    /** The part's content, inflated as it is read. */
    InputStream open(String name) throws IOException {
        Part part = part(name);
        if (part.method() == STORED) {
            return new ByteArrayInputStream(bytes, part.offset(), part.compressedSize());
        }
        // One byte more than the data, as ZipFile gives zlib: its raw inflate may ask for it. A
        // central directory always follows the data, so the byte is there.
        InputStream data = new ByteArrayInputStream(bytes, part.offset(), part.compressedSize() + 1);
        Inflater inflater = INFLATER.get();
        inflater.reset();
        return new InflaterInputStream(data, inflater, Math.max(512, Math.min(part.compressedSize() + 1, 1 << 16))) {
            @Override
            public void close() throws IOException {
                // The inflater is the thread's: it is reset, never ended.
                in.close();
            }
        };
    }

    private Part part(String name) {
        Part part = parts.get(name);
        if (part == null) {
            throw new IllegalArgumentException("no part " + name);
        }
        return part;
    }

    /** Where the end-of-central-directory record is: the last one whose comment ends the file. */
    private static int endRecord(byte[] bytes) throws Unsupported {
        for (int at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xFFFF); at--) {
            if (i32(bytes, at) == END && at + 22 + u16(bytes, at + 20) == bytes.length) {
                return at;
            }
        }
        throw new Unsupported("no end of central directory");
    }

    private static String name(byte[] bytes, int at, int length) throws Unsupported {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, at, length)).toString();
        } catch (CharacterCodingException e) {
            throw new Unsupported("a name that is not UTF-8");
        }
    }

    private static int u16(byte[] bytes, int at) {
        return bytes[at] & 0xFF | (bytes[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] bytes, int at) {
        return i32(bytes, at) & 0xFFFFFFFFL;
    }

    private static int i32(byte[] bytes, int at) {
        return bytes[at] & 0xFF | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }
}
