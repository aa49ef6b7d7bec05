package dev.marquee.feed.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.ann.VectorSearcher;
import dev.marquee.events.Video;
import dev.marquee.models.twotower.TwoTowerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalIndexesTest {
    @TempDir
    Path dir;
    ModelBackedWorld w;

    @BeforeEach
    void start() {
        w = new ModelBackedWorld(dir);
    }

    @AfterEach
    void stop() throws Exception {
        w.close();
    }

    @Test
    void beforeAnyModel_upsertsOnlyFillTheCatalogueAndTheTextStore() {
        Video v = ModelBackedWorld.video("early", "chess", "Blitz chess tournament highlights", List.of("chess"));
        int dense = w.world.store.videos().intern("early");

        w.indexes.upsert(new int[] {dense}, List.of(v));

        assertThat(w.indexes.current()).isEmpty();
        assertThat(w.indexes.servingModel()).isEmpty();
        assertThat(w.catalogue.contains(dense)).isTrue();
        assertThat(w.textStore.get("early", VideoTextVectors.fingerprint(v), new float[384], 0)).isTrue();
    }

    @Test
    void rebuildFor_indexesTheWholeCatalogue_andReusesStoredTextVectors() throws Exception {
        TwoTowerModel model = TinyTwoTower.shared();
        w.indexed(model);
        int stored = w.textStore.size();
        long bytes = Files.size(dir.resolve("text-vectors"));

        IndexGeneration again = w.indexes.rebuildFor(model).get(60, TimeUnit.SECONDS);

        assertThat(again.items().size()).isEqualTo(w.catalogue.size());
        assertThat(again.content().size()).isEqualTo(w.catalogue.size());
        assertThat(w.indexes.current()).containsSame(again);
        assertThat(w.textStore.size()).isEqualTo(stored);
        assertThat(Files.size(dir.resolve("text-vectors"))).as("nothing re-encoded").isEqualTo(bytes);
    }

    @Test
    void rebuildFor_newModel_swapsIn_andKeepsVideosUpsertedMeanwhile() throws Exception {
        w.indexed(TinyTwoTower.shared());
        TwoTowerModel next = TinyTwoTower.train(2L);
        try {
            CompletableFuture<IndexGeneration> rebuild = w.indexes.rebuildFor(next);
            List<Video> added = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // lands before, during or after the build: all must survive the swap
                Video v = ModelBackedWorld.video("during-" + i, "cooking", "Quick dinner recipe number " + i,
                        List.of("cooking"));
                w.indexes.upsert(new int[] {w.world.store.videos().intern(v.videoId())}, List.of(v));
                added.add(v);
            }
            IndexGeneration g = rebuild.get(60, TimeUnit.SECONDS);

            assertThat(w.indexes.servingModel()).containsSame(next);
            assertThat(g.items().size()).isEqualTo(w.catalogue.size());
            for (Video v : added) {
                float[][] e = w.embeddings(next, v);
                assertThat(g.items().search(e[0], 1, VectorSearcher.ACCEPT_ALL).id(0))
                        .isEqualTo(w.world.store.videos().find(v.videoId()));
            }
        } finally {
            next.close();
        }
    }

    @Test
    void remove_dropsTheVideoFromCatalogueIndexesAndSources() {
        w.indexed(TinyTwoTower.shared());
        int dense = w.world.dense("chess-2");
        float[][] e = w.embeddings(TinyTwoTower.shared(),
                w.catalogue.video(dense));

        w.indexes.remove(new int[] {dense});

        IndexGeneration g = w.indexes.current().orElseThrow();
        assertThat(w.catalogue.contains(dense)).isFalse();
        assertThat(g.items().search(e[0], 10, VectorSearcher.ACCEPT_ALL).contains(dense)).isFalse();
        assertThat(g.content().search(e[1], 10, VectorSearcher.ACCEPT_ALL).contains(dense)).isFalse();
        assertThat(new ContentCandidateSource(w.indexes, RetrievalConfig.defaults())
                .fetch(w.world.query("me", ModelBackedWorld.NOW))).noneMatch(c -> c.video() == dense);
    }

    @Test
    void videoTextVectors_storeOfAnotherWidth_isRejected() throws Exception {
        try (TextVectorStore small = TextVectorStore.open(dir.resolve("small"), 8)) {
            assertThatThrownBy(() -> new VideoTextVectors(small, TinyTwoTower.encoder()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8-d");
        }
    }
}
