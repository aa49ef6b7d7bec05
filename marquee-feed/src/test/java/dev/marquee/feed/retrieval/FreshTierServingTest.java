package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.ModelBackedWorld.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.ann.VectorSearcher;
import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.feed.hydration.UserEmbeddingHydrator;
import dev.marquee.models.twotower.ContentScoreCalibration;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving's fresh tier with the tiny model: a policy that says the model trained on five of the world's six videos up
 * to {@link RetrievalWorld#T0}. Every upload after the cut-off is indexed content-only in the exact fresh tier, and the
 * two-tower source merges it in; the sixth video (cook-3, never a training target) stays in the item index by its
 * content-only row.
 */
class FreshTierServingTest {
    private static final FreshTierPolicy POLICY = FreshTierPolicy.of(RetrievalWorld.T0,
            List.of("chess-1", "chess-2", "chess-3", "cook-1", "cook-2"), new ContentScoreCalibration(1, 0.05), 0.5);

    @TempDir
    Path dir;
    ModelBackedWorld w;
    VideoIndexUpdater updater;
    TwoTowerModel model;

    @BeforeEach
    void start() {
        model = TinyTwoTower.shared();
        w = new ModelBackedWorld(dir).indexed(model, POLICY);
        updater = new VideoIndexUpdater(w.world.log, w.indexes, w.world.store.videos()).start(w.world.log.endOffset());
    }

    @AfterEach
    void stop() throws Exception {
        updater.close();
        w.close();
    }

    private int dense(String id) {
        return w.world.store.videos().find(id);
    }

    @Test
    void build_indexesAnOldVideoNeverTrainedOnByItsContentRow_inTheItemIndex() {
        IndexGeneration g = w.indexes.current().orElseThrow();
        assertThat(g.policy()).isEqualTo(POLICY);
        assertThat(g.fresh().size()).as("nothing uploaded after the cut-off yet").isZero();
        assertThat(g.items().size()).isEqualTo(6);
        Video cook3 = w.catalogue.video(dense("cook-3"));
        float[][] e = w.embeddings(model, cook3);
        assertThat(g.items().search(e[1], 1, VectorSearcher.ACCEPT_ALL).id(0)).isEqualTo(dense("cook-3"));
        assertThat(g.items().search(e[1], 1, VectorSearcher.ACCEPT_ALL).score(0)).isCloseTo(1f, within(1e-4f));
        assertThat(g.content().size()).isEqualTo(6);
    }

    @Test
    void uploadAfterTraining_goesToTheFreshTier_andTheTwoTowerSourceReturnsIt() throws InterruptedException {
        Video upload = ModelBackedWorld.video("chess-new", "chess", "Chess opening traps every beginner should know",
                List.of("chess", "opening"));
        AppendResult r = w.world.log.append(List.of(new VideoUpserted("up-chess-new", NOW, upload)));
        assertThat(updater.awaitApplied(r.offsets()[0], Duration.ofSeconds(30))).isTrue();

        IndexGeneration g = w.indexes.current().orElseThrow();
        int id = dense("chess-new");
        assertThat(g.fresh().contains(id)).isTrue();
        float[][] e = w.embeddings(model, upload);
        assertThat(g.fresh().search(e[1], 1, VectorSearcher.ACCEPT_ALL).id(0)).as("its content-only row").isEqualTo(id);
        assertThat(g.items().search(e[0], 6, VectorSearcher.ACCEPT_ALL).contains(id)).isFalse();

        FeedQuery q = w.world.query("me", NOW);
        new UserEmbeddingHydrator(w.indexes::servingModel, w.world.store.videos(), HistoryWeighting.defaults()).hydrate(q);
        List<Candidate> found = TwoTowerCandidateSource.tiered(w.indexes::current, w.catalogue, RetrievalConfig.defaults())
                .fetch(q);
        assertThat(found).anySatisfy(c -> assertThat(c.video()).isEqualTo(id));
        assertThat(found).noneSatisfy(c -> assertThat(c.video()).isEqualTo(dense("chess-1"))); // watched
        assertThat(found).extracting(Candidate::video).doesNotHaveDuplicates();
    }

    @Test
    void reUpsertOfATrainedVideo_staysInTheTrainedTier() throws InterruptedException {
        Video again = new Video("chess-2", "chess-channel", "chess", "Sicilian defence: opening ideas and traps (remastered)",
                List.of("chess"), 300, RetrievalWorld.T0 - RetrievalWorld.HOUR, "en");
        AppendResult r = w.world.log.append(List.of(new VideoUpserted("up-chess-2", NOW, again)));
        assertThat(updater.awaitApplied(r.offsets()[0], Duration.ofSeconds(30))).isTrue();

        IndexGeneration g = w.indexes.current().orElseThrow();
        assertThat(g.fresh().contains(dense("chess-2"))).isFalse();
        assertThat(g.items().search(w.embeddings(model, again)[0], 1, VectorSearcher.ACCEPT_ALL).id(0))
                .isEqualTo(dense("chess-2"));
    }

    @Test
    void removal_dropsAFreshVideoFromItsTier() throws InterruptedException {
        Video upload = ModelBackedWorld.video("cook-new", "cooking", "Ten minute tomato soup", List.of("cooking"));
        AppendResult r = w.world.log.append(List.of(new VideoUpserted("up-cook-new", NOW, upload)));
        assertThat(updater.awaitApplied(r.offsets()[0], Duration.ofSeconds(30))).isTrue();
        assertThat(w.indexes.current().orElseThrow().fresh().contains(dense("cook-new"))).isTrue();

        w.indexes.remove(new int[] {dense("cook-new")});
        assertThat(w.indexes.current().orElseThrow().fresh().contains(dense("cook-new"))).isFalse();
    }
}
