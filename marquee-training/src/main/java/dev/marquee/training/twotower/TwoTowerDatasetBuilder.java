package dev.marquee.training.twotower;

import dev.marquee.events.EventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.feed.hydration.UserTowerInputs;
import dev.marquee.feed.retrieval.ItemTowerInputs;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerShape;
import dev.marquee.training.join.UserTombstones;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds two-tower training data from an event log by point-in-time replay (see {@link PointInTimeReplay}):
 * each positive's user-tower inputs come from a fresh {@link InMemoryFeatureStore} holding exactly the events
 * before it, encoded by serving's {@link UserTowerInputs}; its item inputs by serving's {@link ItemTowerInputs}
 * with text vectors from a {@link VideoTextVectors} (encoded once per catalogue, then read from its store).
 * The split is by event time ({@link TwoTowerJobConfig}); the holdout never enters the examples or the store.
 * Events of users deleted later ({@link UserTombstones}) never enter either.
 */
public final class TwoTowerDatasetBuilder {
    private static final int READ_CHUNK = 8192;

    private final TwoTowerJobConfig config;

    public TwoTowerDatasetBuilder(TwoTowerJobConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Replays {@code log} from offset 0 to its current end.
     *
     * @throws IllegalArgumentException if the log is empty, or the split leaves fewer than two train or
     *                                  validation examples
     */
    public TwoTowerDatasets build(EventLog log, VideoTextVectors texts, TwoTowerJobListener listener) {
        long end = log.endOffset();
        if (end <= 0) {
            throw new IllegalArgumentException("the event log is empty: nothing to train on");
        }
        long lastEvent = log.read(end - 1, 1).getFirst().event().timestamp();
        long cutoff = config.cutoffFor(lastEvent);
        long trainEnd = cutoff - config.validationMillis();
        TwoTowerShape shape = config.model().shape();
        if (texts.dimension() != shape.textDim()) {
            throw new IllegalArgumentException("text vectors are " + texts.dimension() + "-d, the model expects "
                    + shape.textDim());
        }
        long started = System.nanoTime();
        InMemoryFeatureStore store = new InMemoryFeatureStore(config.features());
        UserTowerInputs users = new UserTowerInputs(shape, shape.videoIds(), store.videos(), config.weighting());
        PointInTimeReplay replay = new PointInTimeReplay(store, users, config, trainEnd, cutoff,
                UserTombstones.scan(log));
        for (long from = 0; from < end; ) {
            List<LogRecord> chunk = log.read(from, READ_CHUNK);
            if (chunk.isEmpty()) {
                throw new IllegalStateException("event log returned no records at offset " + from + " before its end " + end);
            }
            for (LogRecord r : chunk) {
                replay.accept(r);
            }
            from = chunk.getLast().offset() + 1;
            listener.phase("replay", from, end);
        }
        replay.flush();
        VideoRoster roster = replay.roster();
        if (roster.size() == 0) {
            throw new IllegalArgumentException("the event log holds no video upserts");
        }
        requireExamples("train (before " + trainEnd + ")", replay.train().size());
        requireExamples("validation ([" + trainEnd + ", " + cutoff + "))", replay.validation().size());
        long replayed = System.nanoTime();
        roster.fillText(texts, listener);
        Duration textTime = Duration.ofNanos(System.nanoTime() - replayed);
        ItemTowerInputs items = new ItemTowerInputs(shape, shape.videoIds(), shape.creatorIds(), store.categories());
        ItemFeatureBatch catalogue = items.batch(roster.videos(), roster.text());
        return new TwoTowerDatasets(replay.train().toExamples(catalogue), replay.train().origins(),
                replay.validation().toExamples(catalogue), replay.validation().origins(), roster, catalogue,
                replay.holdout(), store, trainEnd, cutoff, cutoff + config.holdoutMillis(), replay.appliedEnd(),
                replay.skipped(), Duration.ofNanos(replayed - started), textTime);
    }

    private static void requireExamples(String slice, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("the " + slice + " slice has " + count
                    + " positives; need at least 2 (is the log long enough for the holdout and validation windows?)");
        }
    }
}
