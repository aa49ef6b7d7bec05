package dev.marquee.training.ranker;

import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.feed.ranking.ItemEmbeddings;
import dev.marquee.feed.ranking.RankerFeatures;
import dev.marquee.training.join.TrainingExample;
import dev.marquee.training.join.TrainingExampleJoiner;
import dev.marquee.training.join.UserTombstones;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bootstrap training set, point-in-time correct by construction: replays an event log in order
 * through a fresh {@link InMemoryFeatureStore} and, at each feed request of the history (its consecutive
 * impressions), assembles the {@link RankerFeatures} rows from the store state AT THAT MOMENT — before the
 * request's own impressions are applied, exactly as serving reads the store before showing a page. The
 * rows become {@link ServedImpression}s (version "bootstrap", propensity 1: the baseline policy's
 * probabilities are not logged) and go through the same {@link TrainingExampleJoiner} as served traffic.
 * The history is complete, so pending examples are finished at the end. Events of users deleted later
 * ({@link UserTombstones}) are skipped. Source and two-tower columns are
 * 0 (the baseline policy has neither); serve a model trained on this set with them off too.
 *
 * <p>Events are taken in log order, the order the live feature updater applied them. Clients stamp their own
 * events, so a served log is only roughly time-ordered (concurrent batches interleave): an event older than
 * one before it is applied where it stands, and the builder's clock (label windows) never goes backwards —
 * it is the maximum timestamp seen so far, a watermark. {@link BootstrapDataset#lateEvents()} counts them.
 */
public final class PointInTimeDatasetBuilder {
    static final String VERSION = "bootstrap";
    private static final int PAGE_CAPACITY = 256;

    private final DatasetBuildConfig config;

    public PointInTimeDatasetBuilder(DatasetBuildConfig config) {
        this.config = config;
    }

    public BootstrapDataset build(EventLog log) {
        return build(log, e -> { });
    }

    /** Builds the set and also hands every joined example to {@code observer} (audits, other sinks). */
    public BootstrapDataset build(EventLog log, Consumer<TrainingExample> observer) {
        InMemoryFeatureStore store = new InMemoryFeatureStore(config.store());
        RankerFeatures features = new RankerFeatures(store, ItemEmbeddings.NONE, false);
        ExampleTable table = new ExampleTable(features.schema(), 1 << 16);
        Map<String, Integer> requestIndex = new HashMap<>();
        TrainingExampleJoiner joiner = new TrainingExampleJoiner(config.windows(),
                e -> {
                    table.add(e, requestIndex.get(e.impression().requestId()));
                    observer.accept(e);
                });
        HistoryPage page = new HistoryPage(store, features, config, PAGE_CAPACITY);
        long events = 0, impressions = 0, late = 0, lastTime = Long.MIN_VALUE;
        long from = 0;
        UserTombstones forgotten = UserTombstones.scan(log);
        List<LogRecord> batch;
        while (!(batch = log.read(from, config.readBatch())).isEmpty()) {
            for (LogRecord r : batch) {
                Event e = r.event();
                if (e.timestamp() < lastTime) {
                    late++; // applied in log order, as serving did; the watermark stays where it is
                } else {
                    lastTime = e.timestamp();
                }
                if (forgotten.suppresses(e)) {
                    continue; // a user later forgotten: none of their earlier events may train a model
                }
                events++;
                if (e instanceof Impression imp) {
                    impressions++;
                    if (!page.accepts(imp)) {
                        page.flush(joiner, requestIndex);
                    }
                    page.add(r, imp);
                } else {
                    page.flush(joiner, requestIndex);
                    store.apply(List.of(r));
                    joiner.event(e);
                }
                joiner.advanceTo(lastTime);
            }
            from = batch.get(batch.size() - 1).offset() + 1;
        }
        page.flush(joiner, requestIndex);
        joiner.finish();
        return new BootstrapDataset(table, events, impressions, page.sampled, page.skipped, lastTime, late);
    }
}
