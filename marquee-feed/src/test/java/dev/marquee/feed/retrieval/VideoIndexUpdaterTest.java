package dev.marquee.feed.retrieval;

import static dev.marquee.feed.retrieval.ModelBackedWorld.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorSearcher;
import dev.marquee.core.FeedQuery;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.feed.hydration.UserEmbeddingHydrator;
import dev.marquee.models.twotower.TwoTowerModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoIndexUpdaterTest {
    @TempDir
    Path dir;
    ModelBackedWorld w;
    VideoIndexUpdater updater;
    TwoTowerModel model;

    @BeforeEach
    void start() {
        model = TinyTwoTower.shared();
        w = new ModelBackedWorld(dir).indexed(model);
        updater = new VideoIndexUpdater(w.world.log, w.indexes, w.world.store.videos()).start(w.world.log.endOffset());
    }

    @AfterEach
    void stop() throws Exception {
        updater.close();
        w.close();
    }

    private long upsert(Video video) {
        AppendResult r = w.world.log.append(List.of(new VideoUpserted("up-" + video.videoId(), NOW, video)));
        return r.offsets()[0];
    }

    @Test
    void upsertedVideo_isInBothIndexesOnceTheWatermarkPassesItsOffset() throws InterruptedException {
        Video fresh = ModelBackedWorld.video("chess-new", "chess", "Chess opening traps every beginner should know",
                List.of("chess", "opening"));

        long offset = upsert(fresh);

        assertThat(updater.awaitApplied(offset, Duration.ofSeconds(30))).isTrue();
        int dense = w.world.store.videos().find("chess-new");
        float[][] e = w.embeddings(model, fresh);
        IndexGeneration g = w.indexes.current().orElseThrow();
        Neighbours byFull = g.items().search(e[0], 1, VectorSearcher.ACCEPT_ALL);
        Neighbours byContent = g.content().search(e[1], 1, VectorSearcher.ACCEPT_ALL);
        assertThat(byFull.id(0)).isEqualTo(dense);
        assertThat(byContent.id(0)).isEqualTo(dense);
        assertThat(w.catalogue.contains(dense)).isTrue();
        assertThat(w.textStore.get("chess-new", new float[384], 0)).as("text vector persisted").isTrue();
    }

    @Test
    void upsertedVideo_isReturnedByTheTwoTowerAndContentSources() throws InterruptedException {
        RetrievalConfig config = RetrievalConfig.defaults();
        TwoTowerCandidateSource twoTower = new TwoTowerCandidateSource(w.indexes::itemIndex, w.catalogue, config);
        ContentCandidateSource content = new ContentCandidateSource(w.indexes, config);
        UserEmbeddingHydrator embed = new UserEmbeddingHydrator(w.indexes::servingModel, w.world.store.videos(),
                HistoryWeighting.defaults());

        long offset = upsert(ModelBackedWorld.video("chess-new", "chess", "Chess opening traps for beginners",
                List.of("chess")));
        assertThat(updater.awaitApplied(offset, Duration.ofSeconds(30))).isTrue();

        FeedQuery q = w.world.query("me", NOW);
        embed.hydrate(q);
        int dense = w.world.store.videos().find("chess-new");
        assertThat(twoTower.fetch(q)).anySatisfy(c -> assertThat(c.video()).isEqualTo(dense));
        assertThat(content.fetch(q)).anySatisfy(c -> assertThat(c.video()).isEqualTo(dense));
    }

    @Test
    void upsertToRetrievable_eachOfSeveralVideos_isReportedAndFound() throws InterruptedException {
        String[] titles = {"Endgame study: king and pawn", "Blitz chess commentary", "Pasta carbonara the Roman way",
                "Chess puzzle rush record attempt", "Sourdough starter from scratch"};
        long[] micros = new long[titles.length];
        for (int i = 0; i < titles.length; i++) {
            Video v = ModelBackedWorld.video("fresh-" + i, i % 2 == 0 ? "chess" : "cooking", titles[i], List.of());
            long start = System.nanoTime();
            long offset = upsert(v);
            assertThat(updater.awaitApplied(offset, Duration.ofSeconds(30))).isTrue();
            micros[i] = (System.nanoTime() - start) / 1_000;
            int dense = w.world.store.videos().find(v.videoId());
            assertThat(w.indexes.current().orElseThrow().items()
                    .search(w.embeddings(model, v)[0], 1, VectorSearcher.ACCEPT_ALL).id(0)).isEqualTo(dense);
        }
        System.out.println("append → retrievable (MiniLM encode + item tower + 2 index upserts), µs: "
                + java.util.Arrays.toString(micros));
    }

    @Test
    void otherEvents_advanceTheWatermarkWithoutIndexing() throws InterruptedException {
        int before = w.indexes.current().orElseThrow().items().size();
        w.world.longView("me", "chess-2", NOW).sync();

        assertThat(updater.awaitApplied(w.world.log.endOffset() - 1, Duration.ofSeconds(30))).isTrue();
        assertThat(w.indexes.current().orElseThrow().items().size()).isEqualTo(before);
        assertThat(updater.awaitApplied(w.world.log.endOffset(), Duration.ofMillis(1))).as("future offset").isFalse();
    }

    @Test
    void unindexableVideo_isCountedAndSkipped_theWatermarkStillAdvances() throws InterruptedException {
        Video blankTitle = new Video("broken", "c", "chess", " ", List.of(), 10, NOW, "en");

        long offset = upsert(blankTitle);

        assertThat(updater.awaitApplied(offset, Duration.ofSeconds(30))).isTrue();
        assertThat(updater.failures()).isEqualTo(1);
        assertThat(w.catalogue.contains(w.world.store.videos().find("broken"))).isFalse();
    }
}
