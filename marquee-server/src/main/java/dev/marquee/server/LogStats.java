package dev.marquee.server;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Share;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Counts of what an event log holds, by one sequential scan. The JSON keys {@code videos, users,
 * creators, events.{impression,click,view,share}} are a stable contract of {@code marquee stats}.
 */
public final class LogStats {
    private final Set<String> videos = new HashSet<>();
    private final Set<String> users = new HashSet<>();
    private final Set<String> creators = new HashSet<>();
    private long impressions;
    private long clicks;
    private long views;
    private long longViews;
    private long shares;
    private long total;
    private long firstTimestamp = Long.MAX_VALUE;
    private long lastTimestamp = Long.MIN_VALUE;

    public static LogStats scan(EventLog log, LongConsumer progress) {
        LogStats s = new LogStats();
        long end = log.endOffset();
        long next = 0;
        while (next < end) {
            List<LogRecord> batch = log.read(next, 8192);
            if (batch.isEmpty()) {
                break;
            }
            for (LogRecord r : batch) {
                s.add(r.event());
            }
            next = batch.getLast().offset() + 1;
            progress.accept(next);
        }
        if (next < end) {
            progress.accept(end);
        }
        return s;
    }

    void add(Event e) {
        total++;
        firstTimestamp = Math.min(firstTimestamp, e.timestamp());
        lastTimestamp = Math.max(lastTimestamp, e.timestamp());
        switch (e) {
            case Impression i -> impressions++;
            case Click c -> clicks++;
            case View v -> {
                views++;
                if (v.isLongView()) {
                    longViews++;
                }
            }
            case Share sh -> shares++;
            case VideoUpserted v -> {
                videos.add(v.video().videoId());
                creators.add(v.video().creatorId());
            }
            case UserUpserted u -> users.add(u.user().userId());
            case UserDeleted d -> users.remove(d.userId());
        }
    }

    public long events() {
        return total;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("impression", impressions);
        events.put("click", clicks);
        events.put("view", views);
        events.put("share", shares);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("videos", videos.size());
        out.put("users", users.size());
        out.put("creators", creators.size());
        out.put("events", events);
        out.put("totalEvents", total);
        out.put("longViews", longViews);
        if (total > 0) {
            out.put("firstEventAt", java.time.Instant.ofEpochMilli(firstTimestamp).toString());
            out.put("lastEventAt", java.time.Instant.ofEpochMilli(lastTimestamp).toString());
        }
        return out;
    }
}
