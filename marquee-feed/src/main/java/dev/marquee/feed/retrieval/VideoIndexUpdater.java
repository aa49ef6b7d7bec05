package dev.marquee.feed.retrieval;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.EventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time loop's index writer: tails the {@link EventLog} and, for each {@link VideoUpserted}, makes the
 * video retrievable (text vector → item tower, full and content-only → both indexes, via
 * {@link RetrievalIndexes#upsert}). Other events only advance the watermark. Upserts of one delivered batch
 * are indexed together, so a bulk import encodes its titles in batches.
 *
 * <p>{@link #awaitApplied} is the watermark the upload API waits on before answering: once it returns true
 * for the upsert's offset, every search that starts sees the video. A video that cannot be indexed (the
 * encoder or the model rejects it) is logged, counted in {@link #failures()} and skipped; the watermark still
 * advances so one bad record cannot stall uploads.
 */
public final class VideoIndexUpdater implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoIndexUpdater.class);

    private final EventLog log;
    private final RetrievalIndexes indexes;
    private final ToIntFunction<String> denseId;
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();
    private final AtomicLong failures = new AtomicLong();
    private volatile long appliedOffset = -1;
    private volatile AutoCloseable subscription;

    /**
     * @param videos the store's video dictionary: the index and the feed share its dense ids
     */
    public VideoIndexUpdater(EventLog log, RetrievalIndexes indexes, IdDictionary videos) {
        this(log, indexes, Objects.requireNonNull(videos, "videos")::intern);
    }

    /**
     * @param denseId the dense id of a video id as the feature store assigns it; a shared store (Redis) assigns ids
     *                itself, so its resolver waits until the store has seen the upsert instead of interning locally
     */
    public VideoIndexUpdater(EventLog log, RetrievalIndexes indexes, ToIntFunction<String> denseId) {
        this.log = Objects.requireNonNull(log, "log");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
        this.denseId = Objects.requireNonNull(denseId, "denseId");
    }

    /** Subscribes from {@code fromOffset} (e.g. the feature store's applied offset + 1); returns this. */
    public synchronized VideoIndexUpdater start(long fromOffset) {
        if (subscription != null) {
            throw new IllegalStateException("updater already started");
        }
        if (fromOffset < 0) {
            throw new IllegalArgumentException("fromOffset must be >= 0, got " + fromOffset);
        }
        appliedOffset = fromOffset - 1;
        subscription = log.subscribe(fromOffset, this::accept);
        return this;
    }

    /** Indexes the upserts of one batch, then advances the watermark (the subscription's callback). */
    public void accept(List<LogRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Video> upserted = new ArrayList<>();
        for (LogRecord r : batch) {
            if (r.event() instanceof VideoUpserted u) {
                upserted.add(u.video());
            }
        }
        for (int from = 0; from < upserted.size(); from += IndexGenerationBuilder.CHUNK) {
            index(upserted.subList(from, Math.min(upserted.size(), from + IndexGenerationBuilder.CHUNK)));
        }
        progressLock.lock();
        try {
            appliedOffset = Math.max(appliedOffset, batch.getLast().offset());
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    private void index(List<Video> chunk) {
        try {
            indexes.upsert(ids(chunk), chunk);
        } catch (RuntimeException batchFailure) {
            for (Video v : chunk) { // isolate the bad record
                try {
                    indexes.upsert(ids(List.of(v)), List.of(v));
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    LOG.warn("cannot index video {}: {}", v.videoId(), e.toString());
                }
            }
        }
    }

    private int[] ids(List<Video> chunk) {
        int[] ids = new int[chunk.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = denseId.applyAsInt(chunk.get(i).videoId());
        }
        return ids;
    }

    /** Offset of the last record handled, -1 before any. */
    public long appliedOffset() {
        return appliedOffset;
    }

    /** Videos that could not be indexed since start. */
    public long failures() {
        return failures.get();
    }

    /** Waits until every record up to {@code offset} is handled; false on timeout. */
    public boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        progressLock.lock();
        try {
            while (appliedOffset < offset) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = progressed.awaitNanos(remaining);
            }
            return true;
        } finally {
            progressLock.unlock();
        }
    }

    @Override
    public synchronized void close() {
        AutoCloseable s = subscription;
        subscription = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("closing the log subscription failed", e);
            }
        }
    }
}
