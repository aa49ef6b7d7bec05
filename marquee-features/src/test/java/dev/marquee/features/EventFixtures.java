package dev.marquee.features;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Share;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.List;

/** Builds events with unique ids and wraps them as log records with consecutive offsets (shared with other backends' tests). */
public final class EventFixtures {
    public static final long T0 = 1_700_000_000_000L;
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    private long seq;
    private long nextOffset;

    public String nextId() {
        return "e" + seq++;
    }

    public Impression impression(String user, String video, long t) {
        return new Impression(nextId(), t, user, video, "r1", 0);
    }

    public Click click(String user, String video, long t) {
        return new Click(nextId(), t, user, video, "r1");
    }

    public View view(String user, String video, long t, double seconds) {
        return new View(nextId(), t, user, video, "r1", seconds);
    }

    public Share share(String user, String video, long t) {
        return new Share(nextId(), t, user, video, "r1");
    }

    public VideoUpserted video(String video, String creator, String category, long uploadedAt) {
        return new VideoUpserted(nextId(), uploadedAt,
                new Video(video, creator, category, "title " + video, List.of("tag"), 120, uploadedAt, "en"));
    }

    public UserUpserted user(String user, String ageBand, String country, String device, long t) {
        return new UserUpserted(nextId(), t, new UserProfile(user, ageBand, country, device, t));
    }

    public UserDeleted deleted(String user, long t) {
        return new UserDeleted(nextId(), t, user);
    }

    /** Wraps events as records with the next consecutive offsets, acknowledged "now". */
    public List<LogRecord> records(List<? extends Event> events) {
        List<LogRecord> out = new ArrayList<>(events.size());
        for (Event e : events) {
            out.add(new LogRecord(nextOffset++, System.currentTimeMillis() * 1000L, e));
        }
        return out;
    }

    public List<LogRecord> records(Event... events) {
        return records(List.of(events));
    }
}
