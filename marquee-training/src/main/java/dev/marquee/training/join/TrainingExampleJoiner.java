package dev.marquee.training.join;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Interaction;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.Share;
import dev.marquee.events.View;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Streaming label join (the watermark-driven windowed join of stream processors, e.g. Akidau et al.,
 * "The Dataflow Model", VLDB 2015). Impressions wait in a queue ordered by time; engagements are indexed by
 * (user, video, request) with the earliest time per label. {@link #advanceTo(long)} promises that every
 * input with an earlier event time has been offered; an impression is emitted once the watermark passes
 * its time + the longest window, with each label positive iff its engagement happened in
 * [impression time, impression time + that label's window]. Inputs may arrive in any order before the
 * watermark passes them (a click logged before its impression record is fine). Engagements without a
 * request id (organic plays) never label an impression. Not thread-safe.
 */
public final class TrainingExampleJoiner {
    private static final int CLICK = 0, WATCH = 1, SHARE = 2;

    private record Key(String user, String video, String request) {
    }

    private record Waiting(long time, Key key, ServedImpression impression) {
    }

    private record Expiry(long time, Key key) {
    }

    private final AttributionWindows windows;
    private final Consumer<TrainingExample> out;
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.time, b.time));
    private final Map<Key, long[]> labels = new HashMap<>();
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>((a, b) -> Long.compare(a.time, b.time));
    private long watermark = Long.MIN_VALUE;
    private long emitted;

    public TrainingExampleJoiner(AttributionWindows windows, Consumer<TrainingExample> out) {
        this.windows = windows;
        this.out = out;
    }

    /** Offers a served impression; throws if the watermark already passed its time (it would miss labels). */
    public void impression(ServedImpression s) {
        if (s.timeMillis() < watermark) {
            throw new IllegalArgumentException("impression " + s.requestId() + "/" + s.videoId() + " at " + s.timeMillis()
                    + " arrived after the watermark " + watermark);
        }
        waiting.add(new Waiting(s.timeMillis(), new Key(s.userId(), s.videoId(), s.requestId()), s));
    }

    /** Offers a log event; clicks, views over 30 s and shares with a request id become labels, others are ignored. */
    public void event(Event e) {
        int label = switch (e) {
            case Click c -> CLICK;
            case View v -> v.isLongView() ? WATCH : -1;
            case Share s -> SHARE;
            default -> -1;
        };
        if (label < 0 || ((Interaction) e).requestId() == null) {
            return;
        }
        Interaction i = (Interaction) e;
        Key key = new Key(i.userId(), i.videoId(), i.requestId());
        long[] times = labels.get(key);
        if (times == null) {
            times = new long[] {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            labels.put(key, times);
            expiries.add(new Expiry(e.timestamp(), key));
        }
        times[label] = Math.min(times[label], e.timestamp());
    }

    /**
     * Declares that every input with event time &lt; {@code watermarkMillis} has been offered, and emits
     * the impressions whose longest window has closed (time + longest &lt; watermark), oldest first.
     */
    public void advanceTo(long watermarkMillis) {
        if (watermarkMillis <= watermark) {
            return;
        }
        watermark = watermarkMillis;
        long longest = windows.longest();
        while (!waiting.isEmpty() && waiting.peek().time + longest < watermarkMillis) {
            emit(waiting.poll());
        }
        // a label can only match impressions at or before its time: once every waiting impression is newer
        // (and later ones must be newer than the watermark), it can never match again
        long oldestWaiting = waiting.isEmpty() ? Long.MAX_VALUE : waiting.peek().time;
        while (!expiries.isEmpty() && expiries.peek().time < Math.min(watermarkMillis, oldestWaiting)) {
            labels.remove(expiries.poll().key);
        }
    }

    /**
     * Emits every waiting impression with the labels seen so far. Only for input that is complete (a
     * finished history): otherwise a label arriving later would be lost.
     */
    public void finish() {
        while (!waiting.isEmpty()) {
            emit(waiting.poll());
        }
        labels.clear();
        expiries.clear();
    }

    private void emit(Waiting w) {
        long[] t = labels.getOrDefault(w.key, null);
        long at = w.time;
        boolean click = t != null && within(t[CLICK], at, windows.clickMillis());
        boolean watch = t != null && within(t[WATCH], at, windows.watchMillis());
        boolean share = t != null && within(t[SHARE], at, windows.shareMillis());
        emitted++;
        out.accept(new TrainingExample(w.impression, click, watch, share));
    }

    private static boolean within(long labelTime, long impressionTime, long window) {
        return labelTime != Long.MAX_VALUE && labelTime >= impressionTime && labelTime - impressionTime <= window;
    }

    /** Impressions waiting for their windows to close. */
    public int pending() {
        return waiting.size();
    }

    /** Examples emitted so far. */
    public long emitted() {
        return emitted;
    }

    @Override
    public String toString() {
        return "TrainingExampleJoiner[windows=" + windows + ", pending=" + waiting.size() + ", labels=" + labels.size()
                + ", watermark=" + watermark + ", emitted=" + emitted + "]";
    }
}
