package dev.marquee.training.twotower;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorBatch;
import dev.marquee.feed.retrieval.FreshTierMerge;
import dev.marquee.models.twotower.FreshTierPolicy;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Exact two-tier maximum-inner-product search over {@link CatalogueEmbeddings}, the offline twin of serving's
 * generation: the rows a {@link FreshTierPolicy} calls fresh (content-only rows of videos never trained on) and every
 * other row are searched separately and merged by serving's own {@link FreshTierMerge}. Without a policy, every row is
 * in one tier (one pooled search). Ids are roster rows.
 */
final class TieredSearch {
    private final ExactIndex trained;
    private final ExactIndex fresh;

    private TieredSearch(ExactIndex trained, ExactIndex fresh) {
        this.trained = trained;
        this.fresh = fresh;
    }

    /** @param fresh by roster row: searched in the fresh tier; null: one tier */
    static TieredSearch of(CatalogueEmbeddings e, boolean[] fresh) {
        boolean[] none = new boolean[e.size()];
        return new TieredSearch(tier(e, fresh == null ? none : fresh, false), fresh == null ? null : tier(e, fresh, true));
    }

    private static ExactIndex tier(CatalogueEmbeddings e, boolean[] fresh, boolean wanted) {
        int d = e.dimension(), n = 0;
        int[] ids = new int[e.size()];
        float[] rows = new float[e.size() * d];
        for (int v = 0; v < e.size(); v++) {
            if (fresh[v] == wanted) {
                System.arraycopy(e.vectors(), v * d, rows, n * d, d);
                ids[n++] = v;
            }
        }
        return n == 0 ? null : ExactIndex.of(new VectorBatch(Arrays.copyOf(ids, n), Arrays.copyOf(rows, n * d), d));
    }

    /** Each tier's own top {@code k}: {@code [0]} trained, {@code [1]} fresh (raw content-only scores). */
    Neighbours[] tiers(float[] query, int k, IntPredicate accept) {
        return new Neighbours[] {
                trained == null ? Neighbours.EMPTY : trained.search(query, k, accept),
                fresh == null ? Neighbours.EMPTY : fresh.search(query, k, accept)};
    }

    /** The merged top {@code k} under {@code policy} (null: the trained tier alone, i.e. the pooled search). */
    Neighbours search(float[] query, int k, IntPredicate accept, FreshTierPolicy policy) {
        Neighbours[] t = tiers(query, k, accept);
        return FreshTierMerge.merge(t[0], t[1], k, policy);
    }
}
