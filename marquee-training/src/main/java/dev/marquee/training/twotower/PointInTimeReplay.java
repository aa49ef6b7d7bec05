package dev.marquee.training.twotower;

import dev.marquee.events.Event;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.features.UserFeatures;
import dev.marquee.feed.hydration.UserTowerInputs;
import dev.marquee.training.join.UserTombstones;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the log in offset order. Records before the cutoff are applied to the feature store;
 * a positive is captured after every earlier record has been applied and before itself, so its user
 * features are exactly the state just before it (point-in-time). Records at or after the cutoff never reach
 * the store: only their uploads (candidates) and long views (ground truth) are kept.
 */
final class PointInTimeReplay {
    private static final int APPLY_BATCH = 4096;

    private final InMemoryFeatureStore store;
    private final UserTowerInputs userInputs;
    private final PositiveFilter positives;
    private final StreamingPopularity popularity;
    private final VideoRoster roster = new VideoRoster();
    private final HoldoutTruth holdout;
    private final ExampleBuffer train, validation;
    private final long trainEnd, cutoff, holdoutEnd;
    private final UserTombstones forgotten;
    private final List<LogRecord> pending = new ArrayList<>(APPLY_BATCH);
    private long appliedEnd;
    private long skipped;
    private long rejected;

    PointInTimeReplay(InMemoryFeatureStore store, UserTowerInputs userInputs, TwoTowerJobConfig config,
                      long trainEnd, long cutoff, UserTombstones forgotten) {
        this.forgotten = forgotten;
        this.store = store;
        this.userInputs = userInputs;
        this.positives = new PositiveFilter(config.dedupeWindowMillis());
        this.popularity = new StreamingPopularity(config.logQSmoothing());
        this.holdout = new HoldoutTruth(cutoff);
        int h = config.model().shape().historyLength();
        this.train = new ExampleBuffer(h);
        this.validation = new ExampleBuffer(h);
        this.trainEnd = trainEnd;
        this.cutoff = cutoff;
        this.holdoutEnd = cutoff + config.holdoutMillis();
    }

    void accept(LogRecord record) {
        Event e = record.event();
        if (forgotten.suppresses(e)) {
            return; // neither features, positives nor holdout truth from a user forgotten later
        }
        if (e instanceof VideoUpserted upsert) {
            roster.upsert(upsert.video());
        }
        if (e.timestamp() >= cutoff) {
            if (e.timestamp() < holdoutEnd && e instanceof View v && v.isLongView() && roster.find(v.videoId()) >= 0) {
                holdout.addLongView(v.userId(), roster.find(v.videoId()));
            }
            return;
        }
        if (positives.accept(e)) {
            capture((Interaction) e, record.offset());
        }
        if (e instanceof View v && v.isLongView() && roster.find(v.videoId()) >= 0) {
            roster.countLongViewBeforeCutoff(roster.find(v.videoId()));
        }
        pending.add(record);
        appliedEnd = record.offset() + 1;
        if (pending.size() >= APPLY_BATCH) {
            flush();
        }
    }

    private void capture(Interaction positive, long offset) {
        int video = roster.find(positive.videoId());
        if (video < 0) {
            skipped++;
            return;
        }
        flush();
        long t = positive.timestamp();
        UserFeatures features = store.user(positive.userId(), t);
        float logQ = popularity.logQ(video, roster.size());
        popularity.count(video);
        ExampleBuffer target = t < trainEnd ? train : validation;
        target.add(userInputs.of(features), features, video, logQ, offset, t);
        if (target == train) {
            roster.countTrainPositive(video);
        }
    }

    /** Applies the pending records; a malformed one is skipped (as the live feature updater does) and counted. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            store.apply(pending);
        } catch (IllegalArgumentException malformed) {
            for (LogRecord r : pending) {
                try {
                    store.apply(List.of(r));
                } catch (IllegalArgumentException e) {
                    rejected++;
                }
            }
        }
        pending.clear();
    }

    VideoRoster roster() {
        return roster;
    }

    HoldoutTruth holdout() {
        return holdout;
    }

    ExampleBuffer train() {
        return train;
    }

    ExampleBuffer validation() {
        return validation;
    }

    long appliedEnd() {
        return appliedEnd;
    }

    /** Positives on never-upserted videos plus malformed records the store refused. */
    long skipped() {
        return skipped + rejected;
    }
}
