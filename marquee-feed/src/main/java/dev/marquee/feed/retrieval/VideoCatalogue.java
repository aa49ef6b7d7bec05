package dev.marquee.feed.retrieval;

import dev.marquee.events.Video;
import dev.marquee.features.FeatureStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * The videos retrieval may return (upserted, not removed), with their metadata, by dense id. Retrieval keeps
 * its own copy instead of asking the feature store because the index updater and the store tail the log
 * independently: a video must be servable the moment the index updater has indexed it, whether or not the
 * store has applied the same event yet.
 *
 * <p>One writer at a time (a lock), lock-free readers: the array is replaced on growth and published through
 * a volatile field before any element beyond the old length is written, and elements are written with
 * release and read with acquire semantics, so a search that starts after {@link #put} returned sees it.
 *
 * <p>Memory: built from an in-process store, the catalogue keeps no copy of the metadata it started with: those
 * entries are a shared marker and {@link #video} reads the store's packed metadata (about 60 B a video instead of
 * a second ~170 B record; issue #13). The store only ever replaces metadata with a later upsert of the log, which
 * this catalogue is put the same upsert for, so the marker never stands for metadata that was not upserted.
 */
public final class VideoCatalogue {
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Video[].class);
    /** Marks a video whose metadata {@link #shared} reads (compared by identity). */
    private static final Video IN_STORE = new Video("", "", "", null, List.of(), 0, 0, null);

    private final ReentrantLock writeLock = new ReentrantLock();
    private final IntFunction<Video> shared;
    private volatile Video[] videos = new Video[1024];
    private int count;

    /** An empty catalogue. */
    public VideoCatalogue() {
        this(v -> null);
    }

    private VideoCatalogue(IntFunction<Video> shared) {
        this.shared = shared;
    }

    /**
     * A catalogue of every video the store holds metadata for (call after the store has replayed the log). An
     * {@linkplain FeatureStore#inProcess() in-process} store's metadata is read from it, not copied.
     */
    public static VideoCatalogue fromStore(FeatureStore store) {
        boolean share = store.inProcess();
        VideoCatalogue catalogue = share ? new VideoCatalogue(v -> store.video(v).orElse(null)) : new VideoCatalogue();
        int n = store.videos().size();
        for (int v = 0; v < n; v++) {
            Optional<Video> meta = store.video(v);
            if (meta.isPresent()) {
                catalogue.put(v, share ? IN_STORE : meta.get());
            }
        }
        return catalogue;
    }

    /** Makes {@code video} servable with this metadata (replacing earlier metadata). */
    public void put(int video, Video metadata) {
        if (video < 0) {
            throw new IllegalArgumentException("dense video id must be >= 0, got " + video);
        }
        writeLock.lock();
        try {
            Video[] arr = videos;
            if (video >= arr.length) {
                arr = Arrays.copyOf(arr, Math.max(video + 1, arr.length + (arr.length >> 1)));
                videos = arr;
            }
            if (ELEMENT.getAcquire(arr, video) == null) {
                count++;
            }
            ELEMENT.setRelease(arr, video, metadata);
        } finally {
            writeLock.unlock();
        }
    }

    /** Makes {@code video} unservable; a no-op when absent. */
    public void remove(int video) {
        writeLock.lock();
        try {
            Video[] arr = videos;
            if (video >= 0 && video < arr.length && ELEMENT.getAcquire(arr, video) != null) {
                ELEMENT.setRelease(arr, video, (Video) null);
                count--;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether retrieval may return {@code video}. */
    public boolean contains(int video) {
        Video[] arr = videos;
        return video >= 0 && video < arr.length && ELEMENT.getAcquire(arr, video) != null;
    }

    /** Metadata of a servable video, or null. */
    public Video video(int video) {
        Video[] arr = videos;
        Video v = video >= 0 && video < arr.length ? (Video) ELEMENT.getAcquire(arr, video) : null;
        return v == IN_STORE ? shared.apply(video) : v;
    }

    public int size() {
        writeLock.lock();
        try {
            return count;
        } finally {
            writeLock.unlock();
        }
    }

    /** The servable videos' dense ids, ascending, at one instant (writes are excluded meanwhile). */
    public int[] ids() {
        writeLock.lock();
        try {
            Video[] arr = videos;
            int[] out = new int[count];
            int n = 0;
            for (int v = 0; v < arr.length && n < count; v++) {
                if (arr[v] != null) {
                    out[n++] = v;
                }
            }
            return out;
        } finally {
            writeLock.unlock();
        }
    }

    /** Metadata of {@code ids}, in order (null for any removed since). */
    public List<Video> videos(int[] ids, int from, int to) {
        List<Video> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(video(ids[i]));
        }
        return out;
    }
}
