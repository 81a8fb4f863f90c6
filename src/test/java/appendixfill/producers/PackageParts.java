package appendixfill.producers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.w3c.dom.Document;

/**
 * The parts of a package by entry name, in zip order, as the generator changes them; written back
 * as a zip in one of several {@link Layout}s.
 */
final class PackageParts {

    private final Map<String, byte[]> parts = new LinkedHashMap<>();

    static PackageParts read(Path zip) {
        PackageParts package_ = new PackageParts();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    package_.parts.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return package_;
    }

    PackageParts copy() {
        PackageParts copy = new PackageParts();
        copy.parts.putAll(parts);
        return copy;
    }

    List<String> names() {
        return List.copyOf(parts.keySet());
    }

    byte[] bytes(String name) {
        byte[] bytes = parts.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no part " + name + " in " + parts.keySet());
        }
        return bytes;
    }

    boolean has(String name) {
        return parts.containsKey(name);
    }

    void put(String name, byte[] bytes) {
        parts.put(name, bytes);
    }

    void put(String name, String text) {
        parts.put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    void remove(String name) {
        bytes(name);
        parts.remove(name);
    }

    /** Renames an entry, keeping its place in the zip. */
    void rename(String from, String to) {
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        bytes(from);
        parts.forEach((name, bytes) -> renamed.put(name.equals(from) ? to : name, bytes));
        parts.clear();
        parts.putAll(renamed);
    }

    Document xml(String name) {
        return PartXml.parse(bytes(name));
    }

    /** Parses a part, lets the change work on its tree, writes it back plainly. */
    void change(String name, java.util.function.Consumer<Document> change) {
        Document document = xml(name);
        change.accept(document);
        put(name, PartXml.write(document, PartXml.Style.PLAIN));
    }

    /** The names of the XML parts (everything but media), in zip order. */
    List<String> xmlNames() {
        return parts.keySet().stream().filter(n -> n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".vml"))
                .toList();
    }

    /** Writes every XML part again from its tree in the given style (the generator's own serialiser). */
    void respell(UnaryOperator<PartXml.Style> styleOf, java.util.function.Predicate<String> which) {
        for (String name : xmlNames()) {
            if (which.test(name)) {
                put(name, PartXml.write(xml(name), styleOf.apply(PartXml.Style.PLAIN)));
            }
        }
    }

    /** How the entries are laid in the zip. */
    enum Layout {
        /** java.util.zip's own: deflated, sizes in a data descriptor after each entry (as the example). */
        STREAMED_DEFLATED,
        /** Deflated with the sizes in each local header and no data descriptor, as Excel writes. */
        DEFLATED_SIZES_FIRST,
        /** Stored (no compression), sizes in the local headers. */
        STORED,
        /** Stored, yet streamed: sizes only in a data descriptor after the data (bit 3), as some streaming writers do. */
        STORED_WITH_DATA_DESCRIPTORS,
        /** Deflated, data descriptors without their optional signature. */
        DATA_DESCRIPTORS_WITHOUT_SIGNATURE,
        /** Deflated, every entry with ZIP64 extra fields (sizes 0xFFFFFFFF in the headers) and a ZIP64 end record. */
        ZIP64
    }

    void write(Path target, Layout layout) {
        try {
            Files.write(target, zip(layout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] zip(Layout layout) throws IOException {
        if (layout == Layout.STREAMED_DEFLATED || layout == Layout.STORED) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                    ZipEntry entry = new ZipEntry(part.getKey());
                    entry.setTime(FIXED_TIME);
                    if (layout == Layout.STORED) {
                        CRC32 crc = new CRC32();
                        crc.update(part.getValue());
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(part.getValue().length);
                        entry.setCompressedSize(part.getValue().length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(part.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
        return new HandLaidZip(layout).write(parts);
    }

    /** 2023-12-31 08:00 local time: entries carry a fixed date so that every run writes the same bytes. */
    private static final long FIXED_TIME = java.time.LocalDateTime.of(2023, 12, 31, 8, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    /**
     * The zip layouts java.util.zip cannot be asked for, laid by hand after APPNOTE 6.3 with
     * java.util.zip's Deflater and CRC32.
     */
    private record HandLaidZip(Layout layout) {

        private static final int DOS_TIME = (8 << 11);
        private static final int DOS_DATE = ((2023 - 1980) << 9) | (12 << 5) | 31;

        byte[] write(Map<String, byte[]> parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<byte[]> central = new ArrayList<>();
            boolean zip64 = layout == Layout.ZIP64;
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                byte[] name = part.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] data = part.getValue();
                boolean stored = layout == Layout.STORED_WITH_DATA_DESCRIPTORS;
                byte[] body = stored ? data : deflate(data);
                CRC32 crc32 = new CRC32();
                crc32.update(data);
                long crc = crc32.getValue();
                boolean descriptor = layout == Layout.STORED_WITH_DATA_DESCRIPTORS
                        || layout == Layout.DATA_DESCRIPTORS_WITHOUT_SIGNATURE;
                int flags = 0x0800 | (descriptor ? 0x0008 : 0);
                int method = stored ? 0 : 8;
                int version = zip64 ? 45 : 20;
                long offset = out.size();

                ByteBuffer local = little(30 + name.length + (zip64 ? 20 : 0));
                local.putInt(0x04034b50).putShort((short) version).putShort((short) flags).putShort((short) method)
                        .putShort((short) DOS_TIME).putShort((short) DOS_DATE);
                if (descriptor) {
                    local.putInt(0).putInt(0).putInt(0);
                } else if (zip64) {
                    local.putInt((int) crc).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF);
                } else {
                    local.putInt((int) crc).putInt(body.length).putInt(data.length);
                }
                local.putShort((short) name.length).putShort((short) (zip64 ? 20 : 0)).put(name);
                if (zip64) {
                    local.putShort((short) 0x0001).putShort((short) 16).putLong(data.length).putLong(body.length);
                }
                out.writeBytes(local.array());
                out.writeBytes(body);
                if (descriptor) {
                    boolean signature = layout != Layout.DATA_DESCRIPTORS_WITHOUT_SIGNATURE;
                    ByteBuffer dd = little((signature ? 4 : 0) + 12);
                    if (signature) {
                        dd.putInt(0x08074b50);
                    }
                    dd.putInt((int) crc).putInt(body.length).putInt(data.length);
                    out.writeBytes(dd.array());
                }

                int extra = zip64 ? 28 : 0;
                ByteBuffer entry = little(46 + name.length + extra);
                entry.putInt(0x02014b50).putShort((short) version).putShort((short) version).putShort((short) flags)
                        .putShort((short) method).putShort((short) DOS_TIME).putShort((short) DOS_DATE)
                        .putInt((int) crc);
                if (zip64) {
                    entry.putInt(0xFFFFFFFF).putInt(0xFFFFFFFF);
                } else {
                    entry.putInt(body.length).putInt(data.length);
                }
                entry.putShort((short) name.length).putShort((short) extra).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putInt(0).putInt(zip64 ? 0xFFFFFFFF : (int) offset).put(name);
                if (zip64) {
                    entry.putShort((short) 0x0001).putShort((short) 24).putLong(data.length).putLong(body.length)
                            .putLong(offset);
                }
                central.add(entry.array());
            }
            long centralStart = out.size();
            central.forEach(out::writeBytes);
            long centralSize = out.size() - centralStart;
            if (zip64) {
                long zip64End = out.size();
                ByteBuffer record = little(56);
                record.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                        .putLong(central.size()).putLong(central.size()).putLong(centralSize).putLong(centralStart);
                out.writeBytes(record.array());
                ByteBuffer locator = little(20);
                locator.putInt(0x07064b50).putInt(0).putLong(zip64End).putInt(1);
                out.writeBytes(locator.array());
            }
            ByteBuffer end = little(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
            if (zip64) {
                end.putShort((short) 0xFFFF).putShort((short) 0xFFFF).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF);
            } else {
                end.putShort((short) central.size()).putShort((short) central.size()).putInt((int) centralSize)
                        .putInt((int) centralStart);
            }
            end.putShort((short) 0);
            out.writeBytes(end.array());
            return out.toByteArray();
        }

        private static ByteBuffer little(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        private static byte[] deflate(byte[] data) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                deflater.setInput(data);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                return out.toByteArray();
            } finally {
                deflater.end();
            }
        }
    }
}
