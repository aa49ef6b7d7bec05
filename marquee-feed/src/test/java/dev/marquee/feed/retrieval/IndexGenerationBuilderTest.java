package dev.marquee.feed.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.ann.DeltaBufferedHnswIndex;
import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.IvfIndex;
import dev.marquee.ann.VectorSearcher;
import dev.marquee.events.Video;
import dev.marquee.models.twotower.TwoTowerModel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexGenerationBuilderTest {
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

    private IndexGeneration build(int ivfFromVideos) {
        IndexConfig config = IndexConfig.defaults().withStorage(IndexConfig.IndexStorage.HEAP, dir).withEfSearch(100);
        RetrievalIndexConfig settings = new RetrievalIndexConfig(config, config, Duration.ZERO, ivfFromVideos);
        return new IndexGenerationBuilder(w.catalogue, w.world.store.categories(), w.texts, settings, w.builds)
                .build(TinyTwoTower.shared());
    }

    @Test
    void catalogueBelowTheThreshold_getsHnswWithADelta() {
        try (IndexGeneration g = build(w.catalogue.size() + 1)) {
            assertThat(g.items()).isInstanceOf(DeltaBufferedHnswIndex.class);
            assertThat(g.content()).isInstanceOf(DeltaBufferedHnswIndex.class);
        }
    }

    @Test
    void catalogueAtTheThreshold_getsIvf_thatFindsEachVideoByItsOwnEmbedding() {
        TwoTowerModel model = TinyTwoTower.shared();
        try (IndexGeneration g = build(w.catalogue.size())) {
            assertThat(g.items()).isInstanceOf(IvfIndex.class);
            assertThat(g.content()).isInstanceOf(IvfIndex.class);
            assertThat(g.items().size()).isEqualTo(w.catalogue.size());
            int dense = w.world.store.videos().intern("cook-2");
            Video video = w.catalogue.video(dense);
            float[][] embeddings = w.embeddings(model, video);
            assertThat(g.items().search(embeddings[0], 1, VectorSearcher.ACCEPT_ALL).ids()).containsExactly(dense);
            assertThat(g.content().search(embeddings[1], 1, VectorSearcher.ACCEPT_ALL).ids()).containsExactly(dense);
        }
    }

    @Test
    void config_rejectsANegativeThreshold_andDefaultsToIvfAt20k() {
        assertThat(RetrievalIndexConfig.defaults().usesIvf(19_999)).isFalse();
        assertThat(RetrievalIndexConfig.defaults().usesIvf(20_000)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetrievalIndexConfig.defaults().withIvfFromVideos(-1))
                .hasMessageContaining("ivfFromVideos must be >= 0, got -1");
    }
}
