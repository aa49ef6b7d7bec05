package dev.marquee.sim;

import dev.marquee.events.AppendResult;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.EventSink;
import dev.marquee.events.Impression;
import dev.marquee.events.Share;
import dev.marquee.events.View;
import java.util.Arrays;
import java.util.List;

/**
 * Watches the events of a closed-loop run on their way to the policy's sink and tallies, per simulated day
 * and for the whole run, what {@link OutcomeMetrics} reports. Counts live in primitive arrays indexed by
 * dense video, creator and day; nothing is kept per event. Not thread-safe (the simulator is single-threaded).
 */
public final class OutcomeRecorder implements EventSink {
    static final long NEW_VIDEO_MILLIS = 48 * 3_600_000L;
    static final int IMPRESSIONS_MILESTONE = 100;

    private final World world;
    private final BehaviourModel model;
    private final EventSink next;
    private final long start;
    private final int days;
    private final DayTally[] perDay;
    private final DayTally total;
    private final int[] lastDayShown;
    private final int[] impressionsOf;
    private final long[] milestoneAt;

    /**
     * @param next  where the events go on (the policy's event log, or a sink that buffers for it)
     * @param start first simulated instant (epoch ms); day d covers {@code [start + d·24h, start + (d+1)·24h)}
     */
    public OutcomeRecorder(World world, BehaviourModel model, EventSink next, long start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be ≥ 1, got " + days);
        }
        this.world = world;
        this.model = model;
        this.next = next;
        this.start = start;
        this.days = days;
        this.perDay = new DayTally[days];
        for (int d = 0; d < days; d++) {
            perDay[d] = new DayTally(world.creatorCount());
        }
        this.total = new DayTally(world.creatorCount());
        this.lastDayShown = new int[world.videoCount()];
        Arrays.fill(lastDayShown, -1);
        this.impressionsOf = new int[world.videoCount()];
        this.milestoneAt = new long[world.videoCount()];
        Arrays.fill(milestoneAt, -1);
    }

    @Override
    public AppendResult append(List<? extends Event> batch) {
        for (Event e : batch) {
            record(e);
        }
        return next.append(batch);
    }

    /** Counts a session that started at {@code t}. */
    public void sessionStarted(long t) {
        tally(t).sessions++;
        total.sessions++;
    }

    private void record(Event e) {
        switch (e) {
            case Impression i -> impression(i);
            case Click c -> {
                tally(c.timestamp()).clicks++;
                total.clicks++;
            }
            case View v -> {
                DayTally day = tally(v.timestamp());
                day.watchSeconds += v.watchSeconds();
                total.watchSeconds += v.watchSeconds();
                if (v.watchSeconds() > View.LONG_VIEW_SECONDS) {
                    day.longViews++;
                    total.longViews++;
                }
            }
            case Share s -> {
                tally(s.timestamp()).shares++;
                total.shares++;
            }
            default -> {
            }
        }
    }

    private void impression(Impression i) {
        long t = i.timestamp();
        int d = day(t);
        int video = world.videoIndex(i.videoId());
        int user = world.userIndex(i.userId());
        double affinity = model.trueAffinity(user, video, t);
        boolean fresh = t - world.uploadedAt(video) < NEW_VIDEO_MILLIS;
        int creator = world.creatorOf(video);
        perDay[d].impression(affinity, fresh, creator);
        total.impression(affinity, fresh, creator);
        if (lastDayShown[video] != d) {
            if (lastDayShown[video] == -1) {
                total.distinctVideos++;
            }
            lastDayShown[video] = d;
            perDay[d].distinctVideos++;
        }
        if (++impressionsOf[video] == IMPRESSIONS_MILESTONE) {
            milestoneAt[video] = t;
        }
    }

    private DayTally tally(long t) {
        return perDay[day(t)];
    }

    private int day(long t) {
        return (int) Math.clamp(Math.floorDiv(t - start, WorldConfig.DAY_MILLIS), 0, days - 1);
    }

    /** Metrics of simulated day {@code d}. */
    public OutcomeMetrics day(int d) {
        if (d < 0 || d >= days) {
            throw new IllegalArgumentException("day must be in [0, " + days + "), got " + d);
        }
        long dayStart = start + d * WorldConfig.DAY_MILLIS;
        return metrics(perDay[d], dayStart, dayStart + WorldConfig.DAY_MILLIS);
    }

    /** Metrics of the whole run. */
    public OutcomeMetrics total() {
        return metrics(total, start, start + days * WorldConfig.DAY_MILLIS);
    }

    private OutcomeMetrics metrics(DayTally t, long from, long to) {
        int uploaded = world.videosUploadedBy(to - 1);
        int firstNew = world.videosUploadedBy(from - 1);
        boolean[] hasVideo = new boolean[world.creatorCount()];
        for (int v = 0; v < uploaded; v++) {
            hasVideo[world.creatorOf(v)] = true;
        }
        long[] creatorCounts = new long[world.creatorCount()];
        int creators = 0;
        for (int c = 0; c < hasVideo.length; c++) {
            if (hasVideo[c]) {
                creatorCounts[creators++] = t.creatorImpressions[c];
            }
        }
        double[] hours = new double[Math.max(0, uploaded - firstNew)];
        int reached = 0;
        for (int v = firstNew; v < uploaded; v++) {
            if (milestoneAt[v] >= 0 && milestoneAt[v] < to) {
                hours[reached++] = (milestoneAt[v] - world.uploadedAt(v)) / 3_600_000.0;
            }
        }
        Arrays.sort(hours, 0, reached);
        double median = reached == 0 ? Double.NaN
                : (reached % 2 == 1 ? hours[reached / 2] : (hours[reached / 2 - 1] + hours[reached / 2]) / 2);
        return new OutcomeMetrics(t.sessions, t.impressions, t.clicks, t.longViews, t.shares, t.watchSeconds / 60.0,
                uploaded == 0 ? 0 : (double) t.distinctVideos / uploaded, GiniCoefficient.of(creatorCounts, creators),
                t.impressions == 0 ? 0 : (double) t.freshImpressions / t.impressions,
                t.impressions == 0 ? 0 : t.affinitySum / t.impressions, uploaded - firstNew, reached, median);
    }

    /** Running sums of one day (or of the whole run). */
    private static final class DayTally {
        final long[] creatorImpressions;
        long sessions;
        long impressions;
        long clicks;
        long longViews;
        long shares;
        long freshImpressions;
        long distinctVideos;
        double watchSeconds;
        double affinitySum;

        DayTally(int creators) {
            creatorImpressions = new long[creators];
        }

        void impression(double affinity, boolean fresh, int creator) {
            impressions++;
            affinitySum += affinity;
            freshImpressions += fresh ? 1 : 0;
            creatorImpressions[creator]++;
        }
    }
}
