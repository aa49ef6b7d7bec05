package dev.marquee.feed.rerank;

import static dev.marquee.feed.rerank.RerankWorld.DAY;
import static dev.marquee.feed.rerank.RerankWorld.HOUR;
import static dev.marquee.feed.rerank.RerankWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.FilterResult;
import dev.marquee.events.Event;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.UserFeatures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SeenVideosFilterTest {
    private static final int PROPERTY_VIDEOS = 300;
    private static final RerankWorld PROPERTY_WORLD = worldWithVideos(PROPERTY_VIDEOS);
    private static final AtomicInteger PROPERTY_USERS = new AtomicInteger();

    private final SeenVideosFilter filter = new SeenVideosFilter(RerankConfig.defaults());

    @Test
    void filter_removesLongViewedVideos_keepsShortViewedAndUnseen() {
        RerankWorld w = worldWithVideos(10);
        w.append(List.of(w.view("u", "v1", T0 - HOUR, 40), w.view("u", "v3", T0 - DAY, 31),
                w.view("u", "v5", T0 - HOUR, 10)));

        FilterResult r = filter.apply(query(w, "u", true), candidates(w, 10));

        assertThat(videos(r.removed())).containsExactly(w.dense("v1"), w.dense("v3"));
        assertThat(r.kept()).hasSize(8);
        assertThat(r.removed().getFirst().decisions()).containsExactly("seen-videos: removed, watched");
    }

    @Test
    void filter_removesVideosImpressedMoreThanThreeTimesInTheLast24Hours() {
        RerankWorld w = worldWithVideos(10);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(w.impression("u", "v2", T0 - (i + 1) * HOUR));
        }
        for (int i = 0; i < 3; i++) {
            events.add(w.impression("u", "v4", T0 - (i + 1) * HOUR));
        }
        for (int i = 0; i < 6; i++) {
            events.add(w.impression("u", "v6", T0 - 25 * HOUR - i * HOUR));
        }
        w.append(events);

        FilterResult r = filter.apply(query(w, "u", true), candidates(w, 10));

        assertThat(videos(r.removed())).containsExactly(w.dense("v2"));
        assertThat(r.removed().getFirst().decisions()).containsExactly("seen-videos: removed, 4 impressions in 24 h > 3");
        assertThat(videos(r.kept())).contains(w.dense("v4"), w.dense("v6"));
    }

    @Test
    void unknownUser_keepsEverything() {
        RerankWorld w = worldWithVideos(5);
        FilterResult r = filter.apply(query(w, "nobody", false), candidates(w, 5));
        assertThat(r.kept()).hasSize(5);
        assertThat(r.removed()).isEmpty();
    }

    /** Fills the user's watched set to the capacity of its three Bloom stages and measures false positives. */
    @Test
    void falsePositiveRate_atCapacity_isWithinTheBloomBound() {
        int watchedCount = 64 + 256 + 1024;
        int unwatchedCount = 40_000;
        RerankWorld w = worldWithVideos(watchedCount + unwatchedCount);
        List<Event> views = new ArrayList<>();
        for (int v = 0; v < watchedCount; v++) {
            views.add(w.view("heavy", "v" + v, T0 - 60 * DAY + v * HOUR, 45));
        }
        w.append(views);
        FeedQuery q = query(w, "heavy", false);
        assertThat(q.features().get(FeedFeatures.USER).watched().insertedCount()).isBetween(watchedCount - 20, watchedCount);
        List<Candidate> all = candidates(w, watchedCount + unwatchedCount);

        FilterResult r = filter.apply(q, all);

        Set<Integer> kept = new HashSet<>(videos(r.kept()));
        for (int v = 0; v < watchedCount; v++) {
            assertThat(kept).doesNotContain(w.dense("v" + v));
        }
        int falsePositives = r.removed().size() - watchedCount;
        double fpr = (double) falsePositives / unwatchedCount;
        System.out.printf("seen-videos filter: %,d watched, %,d unwatched candidates, %,d wrongly removed: FPR %.3f%%%n",
                watchedCount, unwatchedCount, falsePositives, fpr * 100);
        assertThat(fpr).isLessThanOrEqualTo(0.01);
    }

    @Property(tries = 150)
    void noWatchedVideoSurvives_andEveryOtherRemovalIsABloomFalsePositive(
            @ForAll @Size(max = 120) Set<@IntRange(max = PROPERTY_VIDEOS - 1) Integer> watched,
            @ForAll @Size(min = 1, max = 200) List<@IntRange(max = PROPERTY_VIDEOS - 1) Integer> candidateVideos) {
        RerankWorld w = PROPERTY_WORLD;
        String user = "p" + PROPERTY_USERS.incrementAndGet();
        List<Event> views = new ArrayList<>();
        for (int v : watched) {
            views.add(w.view(user, "v" + v, T0 - 2 * DAY, 60));
        }
        w.append(views);
        Set<Integer> watchedDense = new HashSet<>();
        watched.forEach(v -> watchedDense.add(w.dense("v" + v)));
        List<Candidate> cands = new ArrayList<>();
        candidateVideos.forEach(v -> cands.add(Candidate.from(w.dense("v" + v), "test", 1f)));
        FeedQuery q = query(w, user, false);
        UserFeatures features = q.features().get(FeedFeatures.USER);

        FilterResult r = filter.apply(q, cands);

        assertThat(videos(r.kept())).noneMatch(watchedDense::contains);
        for (Candidate c : r.removed()) {
            if (!watchedDense.contains(c.video())) {
                assertThat(features.hasWatched(c.video())).as("removed unwatched video is a Bloom false positive").isTrue();
            }
        }
        assertThat(r.kept().size() + r.removed().size()).isEqualTo(cands.size());
    }

    static RerankWorld worldWithVideos(int count) {
        RerankWorld w = new RerankWorld();
        List<Event> events = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            events.add(w.video("v" + v, "c" + v % 50, "k" + v % 7, T0 - 90 * DAY, 120, "en"));
        }
        w.append(events);
        return w;
    }

    private static FeedQuery query(RerankWorld w, String user, boolean explain) {
        FeedQuery q = FeedQuery.of("r", user, 10, T0, 1L, explain);
        q.features().put(FeedFeatures.USER, w.store.user(user, T0));
        return q;
    }

    private static List<Candidate> candidates(RerankWorld w, int count) {
        List<Candidate> out = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            out.add(Candidate.from(w.dense("v" + v), "test", 1f));
        }
        return out;
    }

    static List<Integer> videos(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::video).toList();
    }
}
