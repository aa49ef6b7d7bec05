package dev.marquee.feed.retrieval;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk format of {@link TextVectorStore}: a 12-byte header ({@code MQTV}, version, dimension), then
 * records {@code [int id length][id UTF-8][long text fingerprint][dimension floats][int CRC32C of all before]},
 * big-endian. Reading stops at the first torn or corrupt record; everything before it is intact.
 */
final class TextVectorFile {
    static final int HEADER = 12;
    static final int MAX_ID_BYTES = 4096;
    private static final int MAGIC = 0x4D515456;
    private static final int VERSION = 1;

    /** Receives each intact record while a file is read: its id's UTF-8 bytes and the record's file position. */
    interface RecordSink {
        void accept(byte[] id, long position);
    }

    private TextVectorFile() {
    }

    static void writeHeader(FileChannel channel, int dimension) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(VERSION).putInt(dimension).flip();
        long at = 0;
        while (header.hasRemaining()) {
            at += channel.write(header, at);
        }
    }

    static ByteBuffer encode(List<String> ids, long[] fingerprints, float[] rows, int dimension) {
        byte[][] names = new byte[ids.size()][];
        int bytes = 0;
        for (int i = 0; i < names.length; i++) {
            names[i] = ids.get(i).getBytes(StandardCharsets.UTF_8);
            if (names[i].length == 0 || names[i].length > MAX_ID_BYTES) {
                throw new IllegalArgumentException("video id must be 1.." + MAX_ID_BYTES + " UTF-8 bytes: '" + ids.get(i) + "'");
            }
            bytes += 4 + names[i].length + 8 + 4 * dimension + 4;
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        CRC32C crc = new CRC32C();
        for (int i = 0; i < names.length; i++) {
            int start = buffer.position();
            buffer.putInt(names[i].length).put(names[i]).putLong(fingerprints[i]);
            for (int k = 0; k < dimension; k++) {
                buffer.putFloat(rows[i * dimension + k]);
            }
            crc.reset();
            crc.update(buffer.array(), start, buffer.position() - start);
            buffer.putInt((int) crc.getValue());
        }
        return buffer.flip();
    }

    /**
     * Reads a non-empty file from the start, handing every intact record to {@code sink} in file order; returns the byte
     * length of the intact prefix (the caller truncates anything after it).
     *
     * @throws IOException when the header is not a store of this version and dimension
     */
    static long read(FileChannel channel, Path file, int dimension, RecordSink sink) throws IOException {
        long size = channel.size();
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
        if (size < HEADER || in.readInt() != MAGIC) {
            throw new IOException(file + " is not a text vector store (bad magic)");
        }
        int version = in.readInt(), dim = in.readInt();
        if (version != VERSION || dim != dimension) {
            throw new IOException(file + " holds version " + version + " / " + dim + "-d vectors, expected version "
                    + VERSION + " / " + dimension + "-d");
        }
        long good = HEADER;
        byte[] body = new byte[8 + 4 * dimension];
        CRC32C crc = new CRC32C();
        try {
            while (good < size) {
                int length = in.readInt();
                if (length <= 0 || length > MAX_ID_BYTES) {
                    break;
                }
                byte[] name = in.readNBytes(length);
                in.readFully(body);
                int stored = in.readInt();
                crc.reset();
                crc.update(ByteBuffer.allocate(4).putInt(length).array());
                crc.update(name);
                crc.update(body);
                if (name.length != length || (int) crc.getValue() != stored) {
                    break;
                }
                sink.accept(name, good);
                good += 4 + length + body.length + 4;
            }
        } catch (EOFException torn) {
            // a crash mid-append: everything before `good` is intact
        }
        return good;
    }
}
