package appendixfill.ooxml;

import appendixfill.ooxml.Unsupported.Reason;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A zip file read whole into memory, its directory parsed by hand (ZIP64 and data descriptors
 * included), each entry inflated on demand within {@link Limits}. A consolidation opens thousands
 * of workbooks: reading each in one go and inflating only the parts asked for, and of a sheet only
 * as far as the reader goes, costs far less than {@link java.util.zip.ZipFile} per file.
 */
public final class ZipArchive {

    /**
     * What a zip may hold before it is refused as something other than a spreadsheet. The ratio of
     * inflated to compressed size is judged only past {@code ratioFrom} inflated bytes: a long note
     * of repeated text compresses a thousand times and is not a bomb; a bomb is caught by its
     * ratio as soon as it passes that size, and by the absolute limits whatever its ratio.
     */
    public record Limits(long maxFileBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes, long ratioFrom,
            int maxRatio) {

        /** A spreadsheet or a Word document: some 100 kB of XML, a few megabytes of pictures at the most. */
        public static final Limits OFFICE = new Limits(256L << 20, 10_000, 128L << 20, 256L << 20, 16L << 20, 100);
    }

    /** One entry of the directory. */
    private record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long data) {
    }

    /** An entry that broke a limit, or its checksum, while it was being inflated: the refusal rides inside. */
    static final class Refused extends IOException {
        final Unsupported unsupported;

        Refused(Unsupported unsupported) {
            super(unsupported.getMessage(), unsupported);
            this.unsupported = unsupported;
        }
    }

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    static final int STORED = 0;
    static final int DEFLATED = 8;

    private final byte[] bytes;
    private final Limits limits;
    private final List<Entry> entries;
    private final Map<String, Entry> byName;
    private final Map<String, Entry> byFoldedName;
    /** What the entries inflated so far came to, against {@link Limits#maxTotalBytes()}. */
    private long inflated;
    /** The entries inflated whole, their size and checksum found as the directory says. */
    private final java.util.Set<String> intact = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ZipArchive(byte[] bytes, Limits limits, List<Entry> entries) {
        this.bytes = bytes;
        this.limits = limits;
        this.entries = List.copyOf(entries);
        this.byName = new HashMap<>(2 * entries.size());
        this.byFoldedName = new HashMap<>(2 * entries.size());
        for (Entry entry : entries) {
            byName.put(entry.name(), entry);
            byFoldedName.put(fold(entry.name()), entry);
        }
    }

    /** Reads a file and its directory. */
    public static ZipArchive read(Path file, Limits limits) throws IOException, Unsupported {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new Unsupported(Reason.OVER_BUDGET, "", "the file has " + size + " bytes");
        }
        return of(Files.readAllBytes(file), limits);
    }

    /** A zip held in memory. */
    public static ZipArchive of(byte[] bytes, Limits limits) throws Unsupported {
        if (bytes.length < 4 || i32(bytes, 0) != LOCAL && i32(bytes, 0) != END) {
            throw new Unsupported(Reason.NOT_A_ZIP, "", "no zip signature at the start");
        }
        int end = endRecord(bytes);
        long count = u16(bytes, end + 10);
        long directorySize = u32(bytes, end + 12);
        long directory = u32(bytes, end + 16);
        if (u16(bytes, end + 4) != 0 || u16(bytes, end + 6) != 0) {
            throw new Unsupported(Reason.ZIP_FEATURE, "", "a zip of several disks");
        }
        long directoryEnd = end;
        if (end >= 20 && i32(bytes, end - 20) == END64_LOCATOR) {
            long record = i64(bytes, end - 12);
            if (record < 0 || record + 56 > end - 20 || i32(bytes, (int) record) != END64) {
                throw new Unsupported(Reason.DAMAGED, "", "ZIP64 end record");
            }
            count = i64(bytes, (int) record + 32);
            directorySize = i64(bytes, (int) record + 40);
            directory = i64(bytes, (int) record + 48);
            directoryEnd = record;
        }
        if (count > limits.maxEntries()) {
            throw new Unsupported(Reason.OVER_BUDGET, "", count + " entries");
        }
        if (directory < 0 || directorySize < 0 || directory + directorySize != directoryEnd) {
            throw new Unsupported(Reason.DAMAGED, "", "the directory is not where the end record says");
        }
        List<Entry> entries = new ArrayList<>((int) count);
        Map<String, String> folded = new HashMap<>();
        int at = (int) directory;
        for (long i = 0; i < count; i++) {
            if (at + 46 > directoryEnd || i32(bytes, at) != CENTRAL) {
                throw new Unsupported(Reason.DAMAGED, "", "directory entry " + i);
            }
            int flags = u16(bytes, at + 8);
            int method = u16(bytes, at + 10);
            long crc = u32(bytes, at + 16);
            long compressedSize = u32(bytes, at + 20);
            long size = u32(bytes, at + 24);
            int nameLength = u16(bytes, at + 28);
            int extraLength = u16(bytes, at + 30);
            int next = at + 46 + nameLength + extraLength + u16(bytes, at + 32);
            long local = u32(bytes, at + 42);
            if (next > directoryEnd) {
                throw new Unsupported(Reason.DAMAGED, "", "directory entry " + i);
            }
            String name = name(bytes, at + 46, nameLength);
            // ZIP64: the fields that do not fit are in the extra field 0x0001, in this order.
            int extra = at + 46 + nameLength;
            int extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = u16(bytes, extra);
                int length = u16(bytes, extra + 2);
                if (id == 1) {
                    int field = extra + 4;
                    if (size == 0xFFFFFFFFL) {
                        size = i64(bytes, field);
                        field += 8;
                    }
                    if (compressedSize == 0xFFFFFFFFL) {
                        compressedSize = i64(bytes, field);
                        field += 8;
                    }
                    if (local == 0xFFFFFFFFL) {
                        local = i64(bytes, field);
                    }
                }
                extra += 4 + length;
            }
            if ((flags & 1) != 0) {
                throw new Unsupported(Reason.ENCRYPTED, name, "an encrypted entry");
            }
            if (method != STORED && method != DEFLATED) {
                throw new Unsupported(Reason.ZIP_FEATURE, name, "compression method " + method);
            }
            if (local < 0 || local + 30 > directory || i32(bytes, (int) local) != LOCAL || size < 0
                    || compressedSize < 0) {
                throw new Unsupported(Reason.DAMAGED, name, "its local header");
            }
            long data = local + 30 + u16(bytes, (int) local + 26) + u16(bytes, (int) local + 28);
            if (data + compressedSize > directory) {
                throw new Unsupported(Reason.DAMAGED, name, "its data runs past the directory");
            }
            if (size > limits.maxEntryBytes() || size > limits.ratioFrom()
                    && size > (long) limits.maxRatio() * Math.max(1, compressedSize)) {
                throw new Unsupported(Reason.OVER_BUDGET, name, "declares " + size + " bytes from " + compressedSize);
            }
            // Part names are equal when equal but for the case of ASCII letters (OPC): two such are one too many.
            String twin = folded.put(fold(name), name);
            if (twin != null) {
                throw new Unsupported(Reason.DAMAGED, name, "a second entry named like «" + twin + "»");
            }
            entries.add(new Entry(name, method, flags, crc, compressedSize, size, data));
            at = next;
        }
        return new ZipArchive(bytes, limits, entries);
    }

    /** The names of the entries, in the zip's order. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /** The entry's name as the zip has it, found regardless of the case of ASCII letters, as OPC compares part names. */
    public Optional<String> find(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            entry = byFoldedName.get(fold(name));
        }
        return Optional.ofNullable(entry).map(Entry::name);
    }

    /** True when an entry has exactly this name. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The size the directory declares for an entry. */
    public long declaredSize(String name) {
        return entry(name).size();
    }

    /** The entry inflated whole, its size and checksum checked. */
    public byte[] read(String name) throws Unsupported {
        Entry entry = entry(name);
        try (InputStream in = open(name)) {
            // Into one array of the declared size, not in pieces joined after; but a declared size is
            // only a claim, so no more than a megabyte is taken on its word: beyond, the array grows as
            // the data comes (the limits, checked as it inflates, stop a lie).
            byte[] content = new byte[(int) Math.min(entry.size(), 1 << 20)];
            int filled = 0;
            while (true) {
                if (filled == content.length) {
                    int next = in.read();
                    if (next < 0) {
                        break;
                    }
                    content = java.util.Arrays.copyOf(content, (int) Math.min(Integer.MAX_VALUE - 8,
                            Math.max(content.length * 2L, 16)));
                    content[filled++] = (byte) next;
                }
                int n = in.read(content, filled, content.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            if (filled != entry.size()) {
                throw new Unsupported(Reason.DAMAGED, name, "inflates to another size than declared");
            }
            intact.add(name);
            return filled == content.length ? content : java.util.Arrays.copyOf(content, filled);
        } catch (Refused e) {
            throw e.unsupported;
        } catch (IOException e) {
            throw new Unsupported(Reason.DAMAGED, name, "its data cannot be inflated", e);
        }
    }

    /**
     * The entry, inflated as it is read: a reader that stops early inflates no further. Breaking a
     * limit or the checksum throws an IOException that carries the refusal ({@link #refusal}).
     */
    public InputStream open(String name) {
        Entry entry = entry(name);
        InputStream raw = new ByteArrayInputStream(bytes, (int) entry.data(), (int) entry.compressedSize());
        if (entry.method() == DEFLATED) {
            // An inflater of its own (a reader may open another entry, the styles, while this one is
            // half read), taken from the thread's idle ones: making one costs a native allocation, and
            // a consolidation opens tens of thousands of entries. Given back when the stream is closed.
            Inflater inflater = takeInflater();
            // One byte more than the data, as ZipFile gives zlib: its raw inflate may ask for it.
            raw = new InflaterInputStream(new ByteArrayInputStream(bytes, (int) entry.data(),
                    (int) Math.min(entry.compressedSize() + 1, bytes.length - entry.data())), inflater,
                    (int) Math.max(512, Math.min(entry.compressedSize() + 1, 1 << 16))) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        in.close();
                        giveBack(inflater);
                    }
                }
            };
        }
        return new Bounded(raw, entry);
    }

    /** Inflaters of this thread not in use, at most a few. */
    private static final ThreadLocal<java.util.ArrayDeque<Inflater>> IDLE = ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private static Inflater takeInflater() {
        Inflater idle = IDLE.get().pollFirst();
        return idle != null ? idle : new Inflater(true);
    }

    private static void giveBack(Inflater inflater) {
        java.util.ArrayDeque<Inflater> idle = IDLE.get();
        if (idle.size() < 4) {
            inflater.reset();
            idle.addFirst(inflater);
        } else {
            inflater.end();
        }
    }

    /** The refusal an IOException of {@link #open}'s stream carries, if it carries one. */
    public static Optional<Unsupported> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Refused refused) {
                return Optional.of(refused.unsupported);
            }
        }
        return Optional.empty();
    }

    /**
     * What identifies an entry's content exactly without inflating it: equal keys, equal content.
     * A consolidation knows a workbook.xml it has parsed before by this.
     */
    public Object key(String name) {
        Entry entry = entry(name);
        return List.of(entry.method(), entry.size(), entry.crc(),
                ByteBuffer.wrap(bytes, (int) entry.data(), (int) entry.compressedSize()).slice());
    }

    /**
     * Inflates every entry not yet inflated whole, within the limits, checking its size and checksum:
     * a zip whose entries are to be copied unchanged into an output is refused (a bomb, a damaged
     * entry) before anything is written, not while it is.
     */
    public void requireIntact() throws Unsupported {
        for (Entry entry : entries) {
            verify(entry.name());
        }
    }

    private void verify(String name) throws Unsupported {
        if (intact.contains(name)) {
            return;
        }
        try (InputStream in = open(name)) {
            in.transferTo(OutputStreamNull.INSTANCE);
        } catch (Refused e) {
            throw e.unsupported;
        } catch (IOException e) {
            throw new Unsupported(Reason.DAMAGED, name, "its data cannot be inflated", e);
        }
        intact.add(name);
    }

    /**
     * Copies an entry's stored bytes unchanged under a name (its own, or the same in another case),
     * having checked they inflate to what the directory says (now, unless they were before).
     */
    void copyTo(String name, String as, ZipWriter out) throws IOException, Unsupported {
        Entry entry = entry(name);
        verify(name);
        out.raw(as, entry.method(), entry.crc(), entry.size(), bytes, (int) entry.data(), (int) entry.compressedSize());
    }

    private Entry entry(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no entry «" + name + "»; the entries are " + names());
        }
        return entry;
    }

    /** Counts what an entry inflates to against the limits, and checks its checksum at the end. */
    private final class Bounded extends FilterInputStream {
        private final Entry entry;
        private final CRC32 crc = new CRC32();
        private long count;

        Bounded(InputStream in, Entry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                crc.update(buffer, offset, n);
                count += n;
                check(n);
            } else if (n < 0 && (count != entry.size() || crc.getValue() != entry.crc())) {
                throw new Refused(new Unsupported(Reason.DAMAGED, entry.name(), count != entry.size()
                        ? "inflates to " + count + " bytes, not the " + entry.size() + " declared"
                        : "its checksum does not match"));
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(0, read);
        }

        private void check(int n) throws Refused {
            synchronized (ZipArchive.this) {
                inflated += n;
                if (inflated > limits.maxTotalBytes()) {
                    throw new Refused(new Unsupported(Reason.OVER_BUDGET, entry.name(),
                            "the entries inflate beyond " + limits.maxTotalBytes() + " bytes together"));
                }
            }
            if (count > limits.maxEntryBytes() || count > entry.size()) {
                throw new Refused(new Unsupported(Reason.OVER_BUDGET, entry.name(),
                        "inflates beyond " + Math.min(limits.maxEntryBytes(), entry.size()) + " bytes"));
            }
            if (count > limits.ratioFrom() && count > (long) limits.maxRatio() * Math.max(1, entry.compressedSize())) {
                throw new Refused(new Unsupported(Reason.OVER_BUDGET, entry.name(),
                        "inflates more than " + limits.maxRatio() + " times its stored size"));
            }
        }
    }

    /** A sink for checking an entry inflates whole. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Where the end-of-directory record is: the last one whose comment ends the file. */
    private static int endRecord(byte[] bytes) throws Unsupported {
        for (int at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xFFFF); at--) {
            if (i32(bytes, at) == END && at + 22 + u16(bytes, at + 20) == bytes.length) {
                return at;
            }
        }
        throw new Unsupported(Reason.TRUNCATED, "", "no end of the directory");
    }

    private static String name(byte[] bytes, int at, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, at, length)).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: the zip's old code page. No part a reader asks for has such a name.
            return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** ASCII letters folded, as OPC compares part names. */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static int u16(byte[] bytes, int at) {
        return bytes[at] & 0xFF | (bytes[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] bytes, int at) {
        return i32(bytes, at) & 0xFFFFFFFFL;
    }

    static int i32(byte[] bytes, int at) {
        return bytes[at] & 0xFF | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    private static long i64(byte[] bytes, int at) {
        return u32(bytes, at) | u32(bytes, at + 4) << 32;
    }
}
