package dev.marquee.feed.retrieval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent map from video external id to its title/tag text vector, so a restart, an index rebuild or a
 * training run never re-encodes the catalogue. Records are appended to one file ({@link TextVectorFile}); on
 * open it is read in full, the last record of an id wins, and a torn or corrupt tail (a crash mid-append) is
 * truncated away with a warning. Appends are not fsynced: a lost vector is simply encoded again.
 *
 * <p>Vectors live on the heap in chunks of {@value #CHUNK} rows (1,536 bytes per video at 384-d). A changed
 * text gets a new row rather than overwriting the old one, so lock-free readers never see a half-written
 * vector: the row is filled before its slot is published through the concurrent map.
 */
public final class TextVectorStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TextVectorStore.class);
    private static final int CHUNK = 1024;

    private final int dimension;
    private final FileChannel channel;
    private final ConcurrentHashMap<String, Integer> slots = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile float[][] vectors = new float[0][];
    private volatile long[][] fingerprints = new long[0][];
    private int rows;
    private long end;

    private TextVectorStore(FileChannel channel, int dimension) {
        this.channel = channel;
        this.dimension = dimension;
    }

    /** Opens (creating if absent) the store at {@code file} for vectors of {@code dimension} floats. */
    public static TextVectorStore open(Path file, int dimension) throws IOException {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        TextVectorStore store = new TextVectorStore(channel, dimension);
        try {
            if (channel.size() == 0) {
                TextVectorFile.writeHeader(channel, dimension);
                store.end = TextVectorFile.HEADER;
            } else {
                long good = TextVectorFile.read(channel, file, dimension, (id, print, row) -> store.remember(id, print, row, 0));
                if (good < channel.size()) {
                    LOG.warn("{}: dropping {} bytes of torn or corrupt tail after {} vectors", file,
                            channel.size() - good, store.rows);
                    channel.truncate(good);
                }
                store.end = good;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return store;
    }

    public int dimension() {
        return dimension;
    }

    /** Distinct video ids stored. */
    public int size() {
        return slots.size();
    }

    /** Copies the vector of {@code videoId} into {@code out[offset..]} if it was stored for text {@code fingerprint}. */
    public boolean get(String videoId, long fingerprint, float[] out, int offset) {
        Integer slot = slots.get(videoId);
        if (slot == null || fingerprints[slot / CHUNK][slot % CHUNK] != fingerprint) {
            return false;
        }
        System.arraycopy(vectors[slot / CHUNK], (slot % CHUNK) * dimension, out, offset, dimension);
        return true;
    }

    /** Copies the latest vector of {@code videoId}, whatever text it was encoded from; false when none. */
    public boolean get(String videoId, float[] out, int offset) {
        Integer slot = slots.get(videoId);
        if (slot == null) {
            return false;
        }
        System.arraycopy(vectors[slot / CHUNK], (slot % CHUNK) * dimension, out, offset, dimension);
        return true;
    }

    /** Appends {@code ids.size()} vectors (row-major in {@code rowsOf}) with their text fingerprints. */
    public void putAll(List<String> ids, long[] textFingerprints, float[] rowsOf) throws IOException {
        int n = ids.size();
        if (textFingerprints.length < n || rowsOf.length < n * dimension) {
            throw new IllegalArgumentException("need " + n + " fingerprints and " + n * dimension + " floats, got "
                    + textFingerprints.length + " and " + rowsOf.length);
        }
        ByteBuffer buffer = TextVectorFile.encode(ids, textFingerprints, rowsOf, dimension);
        writeLock.lock();
        try {
            long at = end;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            end = at;
            for (int i = 0; i < n; i++) {
                remember(ids.get(i), textFingerprints[i], rowsOf, i * dimension);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Caller holds the write lock (or is opening). Fills a fresh row, then publishes it. */
    private void remember(String id, long fingerprint, float[] source, int offset) {
        int slot = rows;
        if (slot / CHUNK == vectors.length) {
            float[][] v = Arrays.copyOf(vectors, vectors.length + 1);
            long[][] f = Arrays.copyOf(fingerprints, fingerprints.length + 1);
            v[v.length - 1] = new float[CHUNK * dimension];
            f[f.length - 1] = new long[CHUNK];
            fingerprints = f;
            vectors = v;
        }
        System.arraycopy(source, offset, vectors[slot / CHUNK], (slot % CHUNK) * dimension, dimension);
        fingerprints[slot / CHUNK][slot % CHUNK] = fingerprint;
        rows = slot + 1;
        slots.put(id, slot);
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            if (channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
        } finally {
            writeLock.unlock();
        }
    }
}
