package dev.marquee.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Binary snapshot of an {@link InMemoryFeatureStore} at an offset, so a restart loads it and replays only the
 * tail of the log (restore = load + replay from {@code offset + 1}; equal to a full replay, which the
 * property test checks byte for byte).
 *
 * <p>Layout: magic {@code "MQFS"}, format version, applied offset, the {@link FeatureStoreConfig} the state
 * was built with, the state ({@link StoreState}), and a trailing CRC32C of everything before it. Written to
 * a temporary file and atomically renamed, so a crash never leaves a half snapshot under the final name.
 * Reading verifies the checksum in a first pass before parsing anything.
 */
public final class FeatureSnapshot {
    static final int MAGIC = 0x4D514653;
    static final int VERSION = 1;

    private FeatureSnapshot() {
    }

    /** Writes {@code store} (blocking its writer meanwhile) to {@code file}; returns the offset captured. */
    public static long write(InMemoryFeatureStore store, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32C crc = new CRC32C();
        long offset;
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            ConfigCodec.write(out, store.config());
            offset = store.writeState(out);
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return offset;
    }

    /** Loads a snapshot with the configuration it was written with. */
    public static InMemoryFeatureStore read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Loads a snapshot, checking it was built with {@code expected} (null: accept its own). Throws
     * {@link IOException} naming the problem for a wrong magic, an unknown version, a checksum mismatch or a
     * truncated file, and {@link IllegalStateException} for a configuration mismatch.
     */
    public static InMemoryFeatureStore read(Path file, FeatureStoreConfig expected) throws IOException {
        verifyChecksum(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a feature snapshot (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has snapshot format version " + version + ", this build reads " + VERSION);
            }
            FeatureStoreConfig config = ConfigCodec.read(in);
            if (expected != null && !expected.equals(config)) {
                throw new IllegalStateException("snapshot " + file + " was built with " + config + " but the store is configured with "
                        + expected + "; delete the snapshot to rebuild by full replay");
            }
            StoreState state = new StoreState(config);
            state.readFrom(in);
            return new InMemoryFeatureStore(state);
        }
    }

    private static void verifyChecksum(Path file) throws IOException {
        long size = Files.size(file);
        if (size < 16) {
            throw new IOException(file + " is truncated (" + size + " bytes)");
        }
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             CheckedInputStream in = new CheckedInputStream(raw, crc)) {
            long remaining = size - 8;
            byte[] buf = new byte[1 << 16];
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    throw new IOException(file + " ended early");
                }
                remaining -= n;
            }
            long stored = new DataInputStream(raw).readLong();
            if (stored != crc.getValue()) {
                throw new IOException(file + " failed its CRC32C check (stored " + Long.toHexString(stored)
                        + ", computed " + Long.toHexString(crc.getValue()) + "): the snapshot is corrupt");
            }
        }
    }
}
