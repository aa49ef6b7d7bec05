package dev.marquee.feed.retrieval;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent map from video external id to its title/tag text vector, so a restart, an index rebuild or a
 * training run never re-encodes the catalogue. Records are appended to one file ({@link TextVectorFile}); on
 * open it is read in full, the last record of an id wins, and a torn or corrupt tail (a crash mid-append) is
 * truncated away with a warning. Appends are not fsynced: a lost vector is simply encoded again.
 *
 * <p>Vectors are read from the file, not kept on the heap: the file is memory-mapped read-only
 * ({@link FileChannel#map(FileChannel.MapMode, long, long, Arena)} in an automatic arena, so a mapping is
 * released only once no reader can reach it). Records appended since the last mapping stay in a heap tail of
 * at most {@value #TAIL_LIMIT} bytes, after which the whole file is mapped again (a few hundred mappings for
 * a bulk import of 1M videos; the kernel maps lazily). The heap holds one open-addressing table of
 * {@code long}s — a record's file position and the top 26 bits of its id's hash — 11–23 bytes per video
 * instead of 1,536 (a 384-d vector) plus a map entry and the id string. A lookup hashes the id's UTF-8 bytes
 * and confirms a candidate by comparing the id stored in the record. Serving reads vectors when it (re)builds
 * an index generation (the whole file, sequentially), indexes an upload, and for the content source's seeds
 * (at most 10 random 1.5 KB reads per feed): memory speed while the file is in the page cache, a disk read
 * per page-cache miss under memory pressure.
 *
 * <p>One writer at a time (a lock), lock-free readers: an append writes the file, then publishes a view with
 * the new tail bytes, then publishes each table slot with release semantics; a reader that acquires a slot
 * pointing past its view re-reads the view. A changed text gets a new record; its slot is overwritten, never
 * the old record, so a reader never sees a half-written vector. One process per file: another process
 * truncating the file under a live mapping would fault this one's reads.
 */
public final class TextVectorStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TextVectorStore.class);
    /** Appended bytes kept on the heap before the file is mapped again. */
    static final int TAIL_LIMIT = 4 << 20;
    private final int tailLimit;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle SLOT =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);
    /** A slot: the top {@value #TAG_BITS} bits of the id's hash, then the record's file position. */
    private static final int POSITION_BITS = 38;
    private static final int TAG_BITS = 64 - POSITION_BITS;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /**
     * Table lengths are 2^k - 2 longs: with the array's 16-byte header exactly 2^(k+3) bytes. G1 allocates an
     * array of half a region or more in whole regions, so a 2^k-long table (16 MB + 16 B at 1M ids) would take
     * a whole extra region.
     */
    private static final int HEADER_LONGS = 2;

    private final int dimension;
    private final FileChannel channel;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile View view;
    private volatile int size;
    private long end;
    private long[] table = new long[(1 << 4) - HEADER_LONGS]; // writer side; published through view
    private int occupied;
    private byte[] tail = new byte[0]; // writer side: bytes [view.mappedEnd, end) of the file
    private int tailLength;

    /**
     * What readers see: the file mapped up to {@code mappedEnd}, the appended records after it, and the table.
     * {@code tail} bytes below {@code tailLength} never change once published.
     */
    private record View(MemorySegment mapped, long mappedEnd, MemorySegment tail, long tailLength, long[] table) {
        long end() {
            return mappedEnd + tailLength;
        }

        MemorySegment segment(long position) {
            return position < mappedEnd ? mapped : tail;
        }

        long offset(long position) {
            return position < mappedEnd ? position : position - mappedEnd;
        }
    }

    private TextVectorStore(FileChannel channel, int dimension, int tailLimit) {
        this.channel = channel;
        this.dimension = dimension;
        this.tailLimit = tailLimit;
    }

    /** Opens (creating if absent) the store at {@code file} for vectors of {@code dimension} floats. */
    public static TextVectorStore open(Path file, int dimension) throws IOException {
        return open(file, dimension, TAIL_LIMIT);
    }

    /** {@link #open(Path, int)} with the file mapped again after every {@code tailLimit} appended bytes (tests). */
    static TextVectorStore open(Path file, int dimension, int tailLimit) throws IOException {
        if (tailLimit < 0) {
            throw new IllegalArgumentException("tailLimit must be >= 0, got " + tailLimit);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        TextVectorStore store = new TextVectorStore(channel, dimension, tailLimit);
        try {
            if (channel.size() == 0) {
                TextVectorFile.writeHeader(channel, dimension);
                store.end = TextVectorFile.HEADER;
            } else {
                long size = channel.size();
                store.view = new View(store.map(size), size, MemorySegment.ofArray(new byte[0]), 0, store.table);
                int[] distinct = {0};
                long good = TextVectorFile.read(channel, file, dimension,
                        (id, position) -> distinct[0] += store.insert(id, position) ? 1 : 0);
                if (good < size) {
                    LOG.warn("{}: dropping {} bytes of torn or corrupt tail after {} vectors", file, size - good,
                            distinct[0]);
                    channel.truncate(good); // the whole-file mapping is never read past `good`; GC releases it
                }
                store.end = good;
                store.size = distinct[0];
            }
            store.view = new View(store.map(store.end), store.end, MemorySegment.ofArray(new byte[0]), 0, store.table);
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
        return size;
    }

    /** Copies the vector of {@code videoId} into {@code out[offset..]} if it was stored for text {@code fingerprint}. */
    public boolean get(String videoId, long fingerprint, float[] out, int offset) {
        return read(videoId, true, fingerprint, out, offset);
    }

    /** Copies the latest vector of {@code videoId}, whatever text it was encoded from; false when none. */
    public boolean get(String videoId, float[] out, int offset) {
        return read(videoId, false, 0, out, offset);
    }

    private boolean read(String videoId, boolean checkFingerprint, long fingerprint, float[] out, int offset) {
        byte[] key = videoId.getBytes(StandardCharsets.UTF_8);
        View v = view;
        long position = find(v, key);
        if (position < 0) {
            return false;
        }
        if (position >= v.end()) { // the slot was published after our view: the view holding it is out now
            v = view;
        }
        MemorySegment s = v.segment(position);
        long at = v.offset(position) + 4 + key.length;
        if (checkFingerprint && s.get(LONG, at) != fingerprint) {
            return false;
        }
        MemorySegment.copy(s, FLOAT, at + 8, out, offset, dimension);
        return true;
    }

    /** File position of {@code key}'s latest record, or -1. */
    private long find(View v, byte[] key) {
        long hash = hash(key);
        long[] t = v.table;
        for (int i = home(hash, t.length); ; i = next(i, t.length)) {
            long slot = (long) SLOT.getAcquire(t, i);
            if (slot == 0) {
                return -1;
            }
            if (slot >>> POSITION_BITS == hash >>> POSITION_BITS) {
                long position = slot & POSITION_MASK;
                View holder = position < v.end() ? v : view;
                if (idEquals(holder, position, key)) {
                    return position;
                }
            }
        }
    }

    private static boolean idEquals(View v, long position, byte[] key) {
        MemorySegment s = v.segment(position);
        long at = v.offset(position);
        return s.get(INT, at) == key.length
                && MemorySegment.mismatch(s, at + 4, at + 4 + key.length, MemorySegment.ofArray(key), 0, key.length) == -1;
    }

    /** Appends {@code ids.size()} vectors (row-major in {@code rowsOf}) with their text fingerprints. */
    public void putAll(List<String> ids, long[] textFingerprints, float[] rowsOf) throws IOException {
        int n = ids.size();
        if (textFingerprints.length < n || rowsOf.length < n * dimension) {
            throw new IllegalArgumentException("need " + n + " fingerprints and " + n * dimension + " floats, got "
                    + textFingerprints.length + " and " + rowsOf.length);
        }
        ByteBuffer buffer = TextVectorFile.encode(ids, textFingerprints, rowsOf, dimension);
        int bytes = buffer.remaining();
        writeLock.lock();
        try {
            long start = end;
            long at = start;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            View v = view;
            if (tailLength + (long) bytes > tailLimit) {
                // map first: if it fails, only unindexed bytes past `end` changed, and the next append overwrites them
                MemorySegment remapped = map(at);
                tail = new byte[0]; // readers of older views keep the old array
                tailLength = 0;
                v = new View(remapped, at, MemorySegment.ofArray(tail), 0, v.table);
            } else {
                if (tailLength + bytes > tail.length) {
                    tail = Arrays.copyOf(tail, Math.min(tailLimit, Math.max(tailLength + bytes, 2 * tail.length)));
                }
                System.arraycopy(buffer.array(), 0, tail, tailLength, bytes);
                tailLength += bytes;
                v = new View(v.mapped, v.mappedEnd, MemorySegment.ofArray(tail), tailLength, v.table);
            }
            end = at;
            view = v; // the records are readable before any slot points at them
            byte[] records = buffer.array();
            int distinct = size;
            for (int i = 0, p = 0; i < n; i++) {
                int length = ByteBuffer.wrap(records, p, 4).getInt();
                distinct += insert(Arrays.copyOfRange(records, p + 4, p + 4 + length), start + p) ? 1 : 0;
                p += 4 + length + 8 + 4 * dimension + 4;
            }
            if (table != v.table) {
                view = new View(v.mapped, v.mappedEnd, v.tail, v.tailLength, table);
            }
            size = distinct;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Points {@code key}'s slot at the record at {@code position}, replacing an older record of the same id
     * (compared through {@link #view}, which must already hold every earlier record). Grows {@link #table}
     * into a new, not yet published array at 70% load. Writer only. Returns true when the id is new.
     */
    private boolean insert(byte[] key, long position) {
        if (position > POSITION_MASK) {
            throw new IllegalStateException("text vector file larger than " + POSITION_MASK + " bytes");
        }
        long hash = hash(key);
        long slot = (hash & ~POSITION_MASK) | position;
        long[] t = table;
        for (int i = home(hash, t.length); ; i = next(i, t.length)) {
            long existing = t[i];
            if (existing == 0) {
                SLOT.setRelease(t, i, slot);
                break;
            }
            if (existing >>> POSITION_BITS == hash >>> POSITION_BITS && idEquals(view, existing & POSITION_MASK, key)) {
                SLOT.setRelease(t, i, slot);
                return false;
            }
        }
        if (++occupied * 10L > 7L * t.length) {
            table = grown(t);
        }
        return true;
    }

    /**
     * The table position of a hash: its top bits (which the stored tag keeps, so growing needs no id reads)
     * scaled to the table length.
     */
    private static int home(long hash, int capacity) {
        return (int) (((hash >>> POSITION_BITS) * capacity) >>> TAG_BITS);
    }

    private static int next(int i, int capacity) {
        return i + 1 == capacity ? 0 : i + 1;
    }

    /** A hash of the UTF-8 id (FNV-1a, then a MurmurHash3 finaliser); never 0, the empty slot. */
    private static long hash(byte[] key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1L << 63 : h;
    }

    private static long[] grown(long[] t) {
        if (t.length >= (1 << TAG_BITS) - HEADER_LONGS) {
            throw new IllegalStateException("text vector store holds more than " + (7L << TAG_BITS) / 10 + " ids");
        }
        long[] bigger = new long[(Integer.highestOneBit(t.length) << 2) - HEADER_LONGS];
        for (long slot : t) {
            if (slot != 0) {
                int i = home(slot, bigger.length);
                while (bigger[i] != 0) {
                    i = next(i, bigger.length);
                }
                bigger[i] = slot;
            }
        }
        return bigger;
    }

    private MemorySegment map(long bytes) throws IOException {
        return channel.map(FileChannel.MapMode.READ_ONLY, 0, bytes, Arena.ofAuto());
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
