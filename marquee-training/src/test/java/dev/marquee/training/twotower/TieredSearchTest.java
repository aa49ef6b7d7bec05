package dev.marquee.training.twotower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorBatch;
import dev.marquee.models.twotower.ContentScoreCalibration;
import dev.marquee.models.twotower.FreshTierPolicy;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TieredSearchTest {
    private static final int N = 300, D = 8;

    @Test
    void search_withIdentityCalibration_equalsOnePooledSearch() {
        CatalogueEmbeddings e = embeddings();
        boolean[] fresh = freshEveryThird();
        float[] q = unit(new SplittableRandom(3));
        int[] ids = new int[N];
        Arrays.setAll(ids, i -> i);
        Neighbours pooled = ExactIndex.of(new VectorBatch(ids, e.vectors(), D)).search(q, 50, v -> v % 7 != 0);
        Neighbours tiered = TieredSearch.of(e, fresh).search(q, 50, v -> v % 7 != 0, policy(ContentScoreCalibration.IDENTITY, 1.0));
        assertThat(tiered.ids()).containsExactly(pooled.ids());
    }

    @Test
    void search_liftsTheFreshTierByTheOffset() {
        CatalogueEmbeddings e = embeddings();
        boolean[] fresh = freshEveryThird();
        float[] q = unit(new SplittableRandom(3));
        Neighbours top = TieredSearch.of(e, fresh).search(q, 100, v -> true, policy(new ContentScoreCalibration(1, 10), 1.0));
        for (int r = 0; r < 100; r++) {
            assertThat(fresh[top.id(r)]).isTrue(); // all 100 fresh rows outrank every lifted-free row
        }
        for (int r = 1; r < top.size(); r++) {
            assertThat(top.score(r)).isLessThanOrEqualTo(top.score(r - 1));
        }
    }

    @Test
    void search_withoutPolicy_isThePooledSearch() {
        CatalogueEmbeddings e = embeddings();
        float[] q = unit(new SplittableRandom(5));
        int[] ids = new int[N];
        Arrays.setAll(ids, i -> i);
        Neighbours pooled = ExactIndex.of(new VectorBatch(ids, e.vectors(), D)).search(q, 40, v -> true);
        assertThat(TieredSearch.of(e, null).search(q, 40, v -> true, null).ids()).containsExactly(pooled.ids());
    }

    @Test
    void search_capsTheFreshTierAtItsShareOfK() {
        CatalogueEmbeddings e = embeddings();
        boolean[] fresh = freshEveryThird();
        float[] q = unit(new SplittableRandom(3));
        Neighbours top = TieredSearch.of(e, fresh).search(q, 100, v -> true, policy(new ContentScoreCalibration(1, 10), 0.1));
        assertThat(top.size()).isEqualTo(100);
        for (int r = 0; r < 10; r++) {
            assertThat(fresh[top.id(r)]).isTrue(); // the lifted fresh tier leads, but only 10 of 100
        }
        for (int r = 10; r < 100; r++) {
            assertThat(fresh[top.id(r)]).isFalse();
        }
    }

    /** The tiers here are given by flags; the policy only carries calibration and quota. */
    private static FreshTierPolicy policy(ContentScoreCalibration c, double maxShare) {
        return new FreshTierPolicy(Long.MAX_VALUE, new long[0], c, maxShare);
    }

    private static boolean[] freshEveryThird() {
        boolean[] fresh = new boolean[N];
        for (int v = 0; v < N; v += 3) {
            fresh[v] = true;
        }
        return fresh;
    }

    private static CatalogueEmbeddings embeddings() {
        SplittableRandom r = new SplittableRandom(11);
        float[] rows = new float[N * D];
        String[] ids = new String[N];
        for (int v = 0; v < N; v++) {
            System.arraycopy(unit(r), 0, rows, v * D, D);
            ids[v] = "v" + v;
        }
        return new CatalogueEmbeddings(ids, new boolean[N], rows, D);
    }

    private static float[] unit(SplittableRandom r) {
        float[] x = new float[D];
        double n = 0;
        for (int k = 0; k < D; k++) {
            x[k] = (float) r.nextGaussian();
            n += x[k] * x[k];
        }
        for (int k = 0; k < D; k++) {
            x[k] /= (float) Math.sqrt(n);
        }
        return x;
    }
}
