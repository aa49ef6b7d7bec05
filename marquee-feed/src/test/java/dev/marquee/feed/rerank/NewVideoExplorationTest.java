package dev.marquee.feed.rerank;

import static dev.marquee.feed.rerank.RerankWorld.DAY;
import static dev.marquee.feed.rerank.RerankWorld.HOUR;
import static dev.marquee.feed.rerank.RerankWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.Event;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cold start, closed loop: a video uploaded with 0 impressions reaches cooking fans through exploration. Each
 * request's candidates are 60 established cooking videos (ranker scores 0.5–1), 30 other recent uploads of the
 * category (0.1–0.4) and the new video as the lowest-scored candidate, as a fresh-uploads source would supply.
 * Served pages go back into the log as impressions (with long views at 35%), so competitors' posteriors move
 * and the seen filter's fatigue rule applies, as in production.
 */
class NewVideoExplorationTest {
    private static final int USERS = 200;
    private static final int REQUESTS = 1_000;

    @Test
    void brandNewVideo_getsImpressionsThroughExploration_withinTheFirst1000Requests() {
        RerankWorld w = new RerankWorld();
        SplittableRandom r = new SplittableRandom(2024);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(w.video("old" + i, "chef" + i, "cooking", T0 - 60 * DAY, 300, "en"));
        }
        for (int i = 0; i < 30; i++) {
            events.add(w.video("recent" + i, "newchef" + i, "cooking", T0 - (1 + i) * HOUR, 300, "en"));
        }
        for (int i = 0; i < 60; i++) {
            for (int k = 0; k < 1_000; k++) {
                String u = "crowd" + r.nextInt(5_000);
                events.add(w.impression(u, "old" + i, T0 - 30 * DAY + k));
                if (r.nextDouble() < 0.35) {
                    events.add(w.view(u, "old" + i, T0 - 30 * DAY + k + 1, 60));
                }
            }
        }
        for (int u = 0; u < USERS; u++) {
            for (int k = 0; k < 3; k++) {
                events.add(w.view("fan" + u, "old" + r.nextInt(60), T0 - 2 * DAY + k * HOUR, 90));
            }
        }
        events.add(w.video("brand-new", "debut-chef", "cooking", T0, 300, "en"));
        w.append(events);
        int newVideo = w.dense("brand-new");

        RerankStage stage = RerankStage.standard(RerankConfig.defaults(), BlockList.empty(), w.store.languages(),
                ItemEmbeddings.NONE);
        VideoFeatureBatch batch = new VideoFeatureBatch(128);
        int shown = 0;
        int firstShown = -1;
        for (int request = 0; request < REQUESTS; request++) {
            long now = T0 + (request + 1) * 30_000L;
            String user = "fan" + request % USERS;
            List<Candidate> cands = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                cands.add(scored(w.dense("old" + i), "two-tower", 0.5 + 0.5 * r.nextDouble()));
            }
            for (int i = 0; i < 30; i++) {
                cands.add(scored(w.dense("recent" + i), "fresh-uploads", 0.1 + 0.3 * r.nextDouble()));
            }
            cands.add(scored(newVideo, "fresh-uploads", 0.01));
            FeedQuery q = w.query(user, 10, now, request * 7919L, false, cands, batch);

            List<Candidate> page = stage.apply(q, cands);

            List<Event> feedback = new ArrayList<>();
            for (Candidate c : page) {
                String id = w.store.videos().external(c.video());
                feedback.add(w.impression(user, id, now));
                if (r.nextDouble() < 0.35) {
                    feedback.add(w.view(user, id, now + 1, 60));
                }
                if (c.video() == newVideo) {
                    shown++;
                    firstShown = firstShown < 0 ? request : firstShown;
                    assertThat(c.decisions()).anyMatch(d -> d.startsWith("explore: arm " + newVideo + " sampled "));
                    assertThat(c.propensity()).isLessThan(1.0);
                }
            }
            w.append(feedback);
        }
        VideoFeatureBatch after = new VideoFeatureBatch(1);
        w.store.videoFeatures(new int[] {newVideo}, 1, T0 + DAY, after);
        System.out.printf("new video: first shown at request %d, shown in %d of %d requests, %d impressions in the store%n",
                firstShown, shown, REQUESTS, after.impressionsTotal(0));
        assertThat(firstShown).isBetween(0, REQUESTS - 1);
        assertThat(shown).isGreaterThanOrEqualTo(10);
        assertThat(after.impressionsTotal(0)).isEqualTo(shown);
    }

    private static Candidate scored(int video, String source, double score) {
        Candidate c = Candidate.from(video, source, (float) score);
        c.score("ranker", score);
        return c;
    }
}
