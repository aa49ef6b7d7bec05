package dev.marquee.features;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Share;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic event stream for replay and freshness measurements: upserts for every video and user, then
 * feed sessions of 10 impressions of power-law popular videos; each impression is clicked with p = 0.15, a
 * click is followed by a view (watch time exponential, mean 45 s: ~49% long views) and a share with p = 0.03.
 * Event time advances evenly over {@code spanMillis}. Deterministic for a seed.
 */
public final class SyntheticEventStream {
    private final int users;
    private final int videos;
    private final Random rnd;
    private final String[] userIds;
    private final String[] videoIds;
    private long seq;

    public SyntheticEventStream(int users, int videos, long seed) {
        this.users = users;
        this.videos = videos;
        this.rnd = new Random(seed);
        userIds = new String[users];
        videoIds = new String[videos];
        for (int i = 0; i < users; i++) {
            userIds[i] = "user-" + i;
        }
        for (int i = 0; i < videos; i++) {
            videoIds[i] = "video-" + i;
        }
    }

    /** Upserts for all videos and users, at {@code start}. */
    public List<Event> catalogue(long start) {
        String[] countries = {"US", "FR", "DE", "BR", "IN", "JP", "GB", "ES", "IT", "MX"};
        String[] devices = {"ios", "android", "web"};
        String[] ages = {"13-17", "18-24", "25-34", "35-44", "45-54", "55+"};
        List<Event> out = new ArrayList<>(users + videos);
        for (int v = 0; v < videos; v++) {
            long uploaded = start - (long) (rnd.nextDouble() * 30 * 86_400_000L);
            out.add(new VideoUpserted("e" + seq++, start, new Video(videoIds[v], "creator-" + v % (videos / 10 + 1),
                    "cat-" + v % 30, "video " + v, List.of("t" + v % 100), 30 + rnd.nextInt(600), uploaded, v % 7 == 0 ? "fr" : "en")));
        }
        for (int u = 0; u < users; u++) {
            out.add(new UserUpserted("e" + seq++, start, new UserProfile(userIds[u], ages[rnd.nextInt(ages.length)],
                    countries[rnd.nextInt(countries.length)], devices[rnd.nextInt(devices.length)], start)));
        }
        return out;
    }

    /** About {@code count} interactions spread evenly over [start, start + spanMillis). */
    public List<Event> interactions(int count, long start, long spanMillis) {
        List<Event> out = new ArrayList<>(count + 32);
        double step = (double) spanMillis / count;
        while (out.size() < count) {
            int u = (int) (users * Math.pow(rnd.nextDouble(), 2));
            String user = userIds[u];
            for (int i = 0; i < 10 && out.size() < count; i++) {
                long t = start + (long) (out.size() * step);
                String video = videoIds[(int) (videos * Math.pow(rnd.nextDouble(), 3))];
                String req = "r" + seq;
                out.add(new Impression("e" + seq++, t, user, video, req, i));
                if (rnd.nextDouble() < 0.15) {
                    out.add(new Click("e" + seq++, t + 1000, user, video, req));
                    out.add(new View("e" + seq++, t + 2000, user, video, req, -45 * Math.log(1 - rnd.nextDouble())));
                    if (rnd.nextDouble() < 0.03) {
                        out.add(new Share("e" + seq++, t + 3000, user, video, req));
                    }
                }
            }
        }
        return out;
    }

    /** Wraps events as records from offset {@code from}, acknowledged at time 0 (history, not live). */
    public static List<LogRecord> asHistory(List<Event> events, long from) {
        List<LogRecord> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(new LogRecord(from + i, 0L, events.get(i)));
        }
        return out;
    }
}
