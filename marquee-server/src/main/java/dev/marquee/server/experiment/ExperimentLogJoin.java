package dev.marquee.server.experiment;

import dev.marquee.events.Click;
import dev.marquee.events.EventLog;
import dev.marquee.events.LogRecord;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.Share;
import dev.marquee.events.View;
import dev.marquee.training.join.AttributionWindows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins an experiment's served impressions with the event log's clicks, views and shares by (user, video,
 * request id), each label within its {@link AttributionWindows} window after the impression — the same rule as
 * training's {@code TrainingExampleJoiner}, which is not reused because it drops watch seconds (needed for watch
 * time per user) and needs a watermark-ordered stream. The experiment's impressions are held in memory.
 */
public final class ExperimentLogJoin {
    private record Key(String user, String video, String request) {
    }

    private ExperimentLogJoin() {
    }

    /** Outcomes of the impressions whose variant starts with {@code "experiment:"}, in impression order. */
    public static List<ImpressionOutcome> join(Iterable<ServedImpression> impressions, String experiment, EventLog log,
                                               AttributionWindows windows) {
        String prefix = experiment + ":";
        List<ServedImpression> kept = new ArrayList<>();
        Map<Key, Integer> index = new HashMap<>();
        for (ServedImpression s : impressions) {
            if (s.variant() != null && s.variant().startsWith(prefix)) {
                index.put(new Key(s.userId(), s.videoId(), s.requestId()), kept.size());
                kept.add(s);
            }
        }
        int n = kept.size();
        boolean[] click = new boolean[n], longView = new boolean[n], share = new boolean[n];
        double[] watch = new double[n];
        long offset = 0;
        for (List<LogRecord> batch; !(batch = log.read(offset, 8192)).isEmpty(); offset = batch.getLast().offset() + 1) {
            for (LogRecord r : batch) {
                switch (r.event()) {
                    case Click c -> mark(index, kept, c.userId(), c.videoId(), c.requestId(), c.timestamp(),
                            windows.clickMillis(), click);
                    case View v -> {
                        int i = mark(index, kept, v.userId(), v.videoId(), v.requestId(), v.timestamp(),
                                windows.watchMillis(), null);
                        if (i >= 0) {
                            watch[i] += v.watchSeconds();
                            longView[i] |= v.isLongView();
                        }
                    }
                    case Share s -> mark(index, kept, s.userId(), s.videoId(), s.requestId(), s.timestamp(),
                            windows.shareMillis(), share);
                    default -> { }
                }
            }
        }
        List<ImpressionOutcome> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ServedImpression s = kept.get(i);
            out.add(new ImpressionOutcome(s.requestId(), s.userId(), s.videoId(), s.position(), s.variant(),
                    s.propensity(), click[i], longView[i], share[i], watch[i]));
        }
        return out;
    }

    private static int mark(Map<Key, Integer> index, List<ServedImpression> kept, String user, String video,
                            String request, long time, long window, boolean[] flags) {
        if (request == null) {
            return -1;
        }
        Integer i = index.get(new Key(user, video, request));
        if (i == null) {
            return -1;
        }
        long t0 = kept.get(i).timeMillis();
        if (time < t0 || time > t0 + window) {
            return -1;
        }
        if (flags != null) {
            flags[i] = true;
        }
        return i;
    }
}
