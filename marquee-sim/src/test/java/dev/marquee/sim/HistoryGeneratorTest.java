package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.events.Share;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {
    private static List<Event> events;
    private static HistoryStats stats;
    private static World world;
    private static final List<Double> progress = new ArrayList<>();

    @BeforeAll
    static void generate() {
        world = World.generate(SmallWorlds.config(7));
        try (InMemoryEventLog log = new InMemoryEventLog()) {
            stats = HistoryGenerator.baseline(world).generate(log, (n, fraction) -> progress.add(fraction));
            events = read(log);
        }
    }

    static List<Event> read(InMemoryEventLog log) {
        return log.read(0, Integer.MAX_VALUE).stream().map(LogRecord::event).toList();
    }

    static List<Event> generateFresh(long seed) {
        try (InMemoryEventLog log = new InMemoryEventLog()) {
            HistoryGenerator.baseline(World.generate(SmallWorlds.config(seed))).generate(log, ProgressListener.NONE);
            return read(log);
        }
    }

    @Test
    void sameSeed_givesIdenticalStream_otherSeedDiffers() {
        List<Event> again = generateFresh(7);
        assertThat(again).hasSameSizeAs(events);
        assertThat(again).isEqualTo(events);
        assertThat(String.join("\n", again.stream().map(Object::toString).toList()))
                .isEqualTo(String.join("\n", events.stream().map(Object::toString).toList()));
        assertThat(generateFresh(8)).isNotEqualTo(events);
    }

    @Test
    void events_areInTimeOrder_withSequentialIds_andStatsMatch() {
        long previous = Long.MIN_VALUE;
        Map<String, Long> byType = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            assertThat(e.timestamp()).as("event %s", e).isGreaterThanOrEqualTo(previous);
            assertThat(e.eventId()).isEqualTo("e" + i);
            previous = e.timestamp();
            byType.merge(e.type(), 1L, Long::sum);
        }
        assertThat(previous).isLessThan(world.config().endMillis());
        assertThat(stats.events()).isEqualTo(events.size());
        assertThat(byType).containsEntry("video", 4_000L).containsEntry("user", 800L)
                .containsEntry("impression", stats.impressions()).containsEntry("click", stats.clicks())
                .containsEntry("view", stats.views()).containsEntry("share", stats.shares());
        assertThat(stats.duplicates()).isZero();
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.getLast()).isGreaterThan(0.99);
    }

    @Test
    void interactions_referToEarlierUpserts_andFollowTheFunnel() {
        Set<String> videos = new HashSet<>();
        Set<String> users = new HashSet<>();
        Set<String> shown = new HashSet<>();
        Set<String> clicked = new HashSet<>();
        Set<String> longViewed = new HashSet<>();
        for (Event e : events) {
            switch (e) {
                case VideoUpserted v -> assertThat(videos.add(v.video().videoId())).isTrue();
                case UserUpserted u -> assertThat(users.add(u.user().userId())).isTrue();
                case Interaction i -> {
                    assertThat(videos.contains(i.videoId()) && users.contains(i.userId())).as("upserted before %s", i).isTrue();
                    String key = i.requestId() + "/" + i.videoId();
                    switch (i) {
                        case Impression imp -> shown.add(key);
                        case Click c -> assertThat(shown.contains(key)).as("impression before %s", c).isTrue();
                        case View v -> assertThat(clicked.contains(key)).as("click before %s", v).isTrue();
                        case Share s -> assertThat(longViewed.contains(key)).as("long view before %s", s).isTrue();
                    }
                    if (i instanceof Click) {
                        clicked.add(key);
                    }
                    if (i instanceof View v && v.isLongView()) {
                        longViewed.add(key);
                    }
                }
                default -> throw new AssertionError("unexpected event " + e);
            }
        }
    }

    @Test
    void longViews_areAMeaningfulShareOfClicks() {
        assertThat(stats.clickThroughRate()).isBetween(0.02, 0.25);
        assertThat(stats.longViewRate()).isBetween(0.15, 0.70);
        assertThat(stats.shares()).isPositive().isLessThan(stats.longViews());
    }

    @Test
    void impressions_followAPowerLaw() {
        int[] perVideo = new int[world.videoCount()];
        long total = 0;
        for (Event e : events) {
            if (e instanceof Impression i) {
                perVideo[world.videoIndex(i.videoId())]++;
                total++;
            }
        }
        int[] sorted = java.util.Arrays.stream(perVideo).sorted().toArray();
        long top = 0;
        for (int i = sorted.length - sorted.length / 100; i < sorted.length; i++) {
            top += sorted[i];
        }
        assertThat(top / (double) total).as("share of impressions on the top 1% of videos").isGreaterThan(0.15);
    }

    @Test
    void newUsers_getSessionsDuringThePeriod() {
        int firstNew = world.stats().usersBeforeStart();
        long newUserImpressions = events.stream()
                .filter(e -> e instanceof Impression i && world.userIndex(i.userId()) >= firstNew).count();
        assertThat(newUserImpressions).isPositive();
    }

    @Test
    void generate_rejectsAPolicyThatShowsUnuploadedVideos() {
        FeedPolicy future = (user, time, k) -> new int[] {world.videoCount() - 1};
        HistoryGenerator generator = new HistoryGenerator(world, new BehaviourModel(world), future, 100, "x-");
        try (InMemoryEventLog log = new InMemoryEventLog()) {
            assertThatThrownBy(() -> generator.generate(log, ProgressListener.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("policy returned video 3999 at position 0, but only videos [0, ");
        }
    }

    @Test
    void idPrefix_isAppliedToEventAndRequestIds() {
        HistoryGenerator generator = new HistoryGenerator(world, new BehaviourModel(world), new BaselinePolicy(world), 500, "run2-");
        try (InMemoryEventLog log = new InMemoryEventLog()) {
            generator.generate(log, ProgressListener.NONE);
            List<Event> prefixed = read(log);
            assertThat(prefixed.getFirst().eventId()).isEqualTo("run2-e0");
            assertThat(prefixed.stream().filter(e -> e instanceof Impression).map(e -> ((Impression) e).requestId()).findFirst())
                    .hasValue("run2-r0");
        }
    }

    @Test
    void generate_runsOnce() {
        HistoryGenerator generator = HistoryGenerator.baseline(world);
        try (InMemoryEventLog log = new InMemoryEventLog()) {
            generator.generate(log, ProgressListener.NONE);
            assertThatThrownBy(() -> generator.generate(log, ProgressListener.NONE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("generates once");
        }
    }
}
