package dev.marquee.training.ranker;

import dev.marquee.events.EventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.ServedImpressionLog;
import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.training.join.AttributionWindows;
import dev.marquee.training.join.TrainingExampleJoiner;
import dev.marquee.training.join.UserTombstones;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training rows from served traffic: merges the served-impression stream and the event log by time into
 * the {@link TrainingExampleJoiner}. The served stream is written after each response (asynchronously), so
 * it may trail the event log: the watermark is the latest time seen minus {@code allowedLatenessMillis}.
 * Only examples whose longest window closed before the last event are emitted; the rest stay pending (a
 * later run over the same logs picks them up once their labels are final). Impressions and events of users
 * deleted later ({@link UserTombstones}) are skipped.
 */
public final class ServedDatasetBuilder {
    private final AttributionWindows windows;
    private final long allowedLatenessMillis;

    public ServedDatasetBuilder(AttributionWindows windows, long allowedLatenessMillis) {
        if (allowedLatenessMillis < 0) {
            throw new IllegalArgumentException("allowedLatenessMillis must be >= 0, got " + allowedLatenessMillis);
        }
        this.windows = windows;
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    public ServedDataset build(ServedImpressionLog served, EventLog events) {
        ExampleTable table = new ExampleTable(RankerFeatureSchema.SCHEMA, 1 << 12);
        Map<String, Integer> requests = new HashMap<>();
        long[] joined = {0};
        TrainingExampleJoiner joiner = new TrainingExampleJoiner(windows, e -> {
            joined[0]++;
            table.add(e, requests.computeIfAbsent(e.impression().requestId(), r -> requests.size()));
        });
        long servedOffset = 0, eventOffset = 0, latest = Long.MIN_VALUE, late = 0;
        UserTombstones forgotten = UserTombstones.scan(events);
        List<ServedImpression> s = served.read(servedOffset, 4096);
        List<LogRecord> e = events.read(eventOffset, 4096);
        int si = 0, ei = 0;
        while (si < s.size() || ei < e.size()) {
            boolean takeServed = ei >= e.size()
                    || (si < s.size() && s.get(si).timeMillis() <= e.get(ei).event().timestamp());
            long time;
            if (takeServed) {
                ServedImpression impression = s.get(si++);
                time = impression.timeMillis();
                if (forgotten.suppresses(impression.userId(), time)) {
                    // served to a user who was forgotten later: the logged row is their data too
                } else if (latest != Long.MIN_VALUE && time < latest - allowedLatenessMillis) {
                    late++;
                } else {
                    joiner.impression(impression);
                }
            } else {
                LogRecord r = e.get(ei++);
                time = r.event().timestamp();
                if (!forgotten.suppresses(r.event())) {
                    joiner.event(r.event());
                }
            }
            latest = Math.max(latest, time);
            joiner.advanceTo(latest - allowedLatenessMillis);
            if (si == s.size() && !s.isEmpty()) {
                servedOffset += s.size();
                s = served.read(servedOffset, 4096);
                si = 0;
            }
            if (ei == e.size() && !e.isEmpty()) {
                eventOffset += e.size();
                e = events.read(eventOffset, 4096);
                ei = 0;
            }
        }
        if (latest != Long.MIN_VALUE) {
            joiner.advanceTo(latest + 1);
        }
        return new ServedDataset(table, joined[0], joiner.pending(), late);
    }
}
