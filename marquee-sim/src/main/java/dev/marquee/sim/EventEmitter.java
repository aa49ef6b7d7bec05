package dev.marquee.sim;

import dev.marquee.events.AppendResult;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.EventSink;
import dev.marquee.events.Impression;
import dev.marquee.events.Share;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns simulated actions into event records with deterministic ids ({@code <prefix>e<n>} for events,
 * {@code <prefix>r<n>} for feed requests), counts them by type, and appends them to the log in batches.
 */
final class EventEmitter {
    private final EventSink log;
    private final int batchSize;
    private final String idPrefix;
    private final ProgressListener progress;
    private final long start;
    private final double period;
    private List<Event> batch;
    private long lastTime;
    private long events;
    private long videoUpserts;
    private long userUpserts;
    private long impressions;
    private long clicks;
    private long views;
    private long longViews;
    private long shares;
    private long requests;
    private long duplicates;

    EventEmitter(EventSink log, int batchSize, String idPrefix, ProgressListener progress, WorldConfig config) {
        this.log = log;
        this.batchSize = batchSize;
        this.idPrefix = idPrefix;
        this.progress = progress;
        this.start = config.startMillis();
        this.period = config.endMillis() - config.startMillis();
        this.batch = new ArrayList<>(batchSize);
    }

    String nextRequestId() {
        return idPrefix + "r" + requests++;
    }

    private String nextEventId() {
        return idPrefix + "e" + events++;
    }

    void video(Video video) {
        videoUpserts++;
        add(new VideoUpserted(nextEventId(), video.uploadedAt(), video), video.uploadedAt());
    }

    void user(UserProfile user) {
        userUpserts++;
        add(new UserUpserted(nextEventId(), user.signupAt(), user), user.signupAt());
    }

    void impression(long t, String userId, String videoId, String requestId, int position) {
        impressions++;
        add(new Impression(nextEventId(), t, userId, videoId, requestId, position), t);
    }

    void click(long t, String userId, String videoId, String requestId) {
        clicks++;
        add(new Click(nextEventId(), t, userId, videoId, requestId), t);
    }

    void view(long t, String userId, String videoId, String requestId, double watchSeconds) {
        views++;
        if (watchSeconds > View.LONG_VIEW_SECONDS) {
            longViews++;
        }
        add(new View(nextEventId(), t, userId, videoId, requestId, watchSeconds), t);
    }

    void share(long t, String userId, String videoId, String requestId) {
        shares++;
        add(new Share(nextEventId(), t, userId, videoId, requestId), t);
    }

    private void add(Event event, long t) {
        batch.add(event);
        lastTime = t;
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        AppendResult result = log.append(batch);
        duplicates += result.duplicates();
        batch = new ArrayList<>(batchSize);
        progress.onProgress(events, Math.clamp((lastTime - start) / period, 0.0, 1.0));
    }

    HistoryStats stats(long sessions) {
        return new HistoryStats(events, videoUpserts, userUpserts, impressions, clicks, views, longViews, shares,
                sessions, requests, duplicates);
    }
}
