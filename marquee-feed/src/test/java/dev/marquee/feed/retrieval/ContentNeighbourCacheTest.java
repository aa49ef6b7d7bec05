package dev.marquee.feed.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.ann.Neighbours;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContentNeighbourCacheTest {
    private static final IndexGeneration G = null; // generations are compared by identity; null is one identity
    private final AtomicInteger searches = new AtomicInteger();

    private Neighbours search(int size) {
        searches.incrementAndGet();
        int[] ids = new int[size];
        float[] scores = new float[size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
            scores[i] = 1f - i / 1000f;
        }
        return new Neighbours(ids, scores);
    }

    @Test
    void seedNeighbours_withinTheTtl_searchOnce_andExpireInQueryTime() {
        ContentNeighbourCache cache = new ContentNeighbourCache(Duration.ofSeconds(30), 1 << 20);

        cache.seedNeighbours(G, 7, 10, 20, 1_000, () -> search(20));
        cache.seedNeighbours(G, 7, 10, 20, 31_000, () -> search(20));
        cache.seedNeighbours(G, 7, 10, 20, 31_001, () -> search(20));

        assertThat(searches).hasValue(2);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void seedNeighbours_shallowerThanNeeded_searchAgain_unlessTheIndexHadNoMore() {
        ContentNeighbourCache cache = new ContentNeighbourCache(Duration.ofSeconds(30), 1 << 20);
        cache.seedNeighbours(G, 1, 5, 10, 0, () -> search(10));
        cache.seedNeighbours(G, 1, 15, 20, 0, () -> search(20)); // 10 cached < 15 needed: search
        cache.seedNeighbours(G, 2, 5, 10, 0, () -> search(3)); // the index had only 3
        Neighbours again = cache.seedNeighbours(G, 2, 8, 10, 0, () -> search(3));

        assertThat(searches).hasValue(3);
        assertThat(again.size()).isEqualTo(3);
    }

    @Test
    void setNeighbours_keyOnSeedsAndTheirTimes() {
        ContentNeighbourCache cache = new ContentNeighbourCache(Duration.ofSeconds(30), 1 << 20);
        int[] seeds = {4, 5, 6, 99};
        cache.setNeighbours(G, seeds, new long[] {1, 2, 3, 4}, 3, 5, 5, 0, () -> search(5));
        cache.setNeighbours(G, new int[] {4, 5, 6}, new long[] {1, 2, 3}, 3, 5, 5, 0, () -> search(5));
        cache.setNeighbours(G, seeds, new long[] {1, 2, 7, 4}, 3, 5, 5, 0, () -> search(5));
        cache.setNeighbours(G, new int[] {5, 4, 6}, new long[] {2, 1, 3}, 3, 5, 5, 0, () -> search(5));

        assertThat(searches).hasValue(3);
    }

    @Test
    void vectors_rememberAVideoWithoutOne() {
        ContentNeighbourCache cache = ContentNeighbourCache.defaults();
        cache.putVector(G, 3, null, 0);
        cache.putVector(G, 4, new float[] {1, 0}, 0);

        assertThat(cache.hasVector(G, 3, 0)).isTrue();
        assertThat(ContentNeighbourCache.isNoVector(cache.vector(G, 3, 0))).isTrue();
        assertThat(cache.vector(G, 4, 0)).containsExactly(1f, 0f);
        assertThat(cache.vector(G, 5, 0)).isNull();
    }

    @Test
    void disabled_keepsNothing() {
        ContentNeighbourCache cache = ContentNeighbourCache.disabled();
        cache.seedNeighbours(G, 1, 5, 5, 0, () -> search(5));
        cache.seedNeighbours(G, 1, 5, 5, 0, () -> search(5));
        cache.putVector(G, 1, new float[] {1}, 0);

        assertThat(searches).hasValue(2);
        assertThat(cache.hasVector(G, 1, 0)).isFalse();
    }

    @Test
    void rejectsANegativeTtlOrSize() {
        assertThatThrownBy(() -> new ContentNeighbourCache(Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> new ContentNeighbourCache(Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
    }
}
