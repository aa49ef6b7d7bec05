package dev.marquee.training.twotower;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.Neighbours;
import dev.marquee.ann.VectorBatch;
import dev.marquee.models.twotower.ContentScoreCalibration;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Exact two-tier maximum-inner-product search over {@link CatalogueEmbeddings}: fresh uploads (content-only rows of
 * videos uploaded after the training window) and every other row are searched separately, the fresh tier's
 * scores mapped by a
 * {@link ContentScoreCalibration}, and the two lists merged by score (ties: trained tier first). Ids are roster
 * rows.
 */
final class TieredSearch {
    private final ExactIndex trained;
    private final ExactIndex content;
    private final ContentScoreCalibration calibration;

    private TieredSearch(ExactIndex trained, ExactIndex content, ContentScoreCalibration calibration) {
        this.trained = trained;
        this.content = content;
        this.calibration = calibration;
    }

    /** @param fresh by roster row: searched in the calibrated tier (content-only rows of fresh uploads) */
    static TieredSearch of(CatalogueEmbeddings e, boolean[] fresh, ContentScoreCalibration calibration) {
        return new TieredSearch(tier(e, fresh, false), tier(e, fresh, true), calibration);
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

    Neighbours search(float[] query, int k, IntPredicate accept) {
        Neighbours a = trained == null ? Neighbours.EMPTY : trained.search(query, k, accept);
        Neighbours b = content == null ? Neighbours.EMPTY : content.search(query, k, accept);
        int m = Math.min(k, a.size() + b.size());
        int[] ids = new int[m];
        float[] scores = new float[m];
        int i = 0, j = 0;
        for (int r = 0; r < m; r++) {
            float sb = j < b.size() ? calibration.apply(b.score(j)) : Float.NEGATIVE_INFINITY;
            if (i < a.size() && a.score(i) >= sb) {
                ids[r] = a.id(i);
                scores[r] = a.score(i++);
            } else {
                ids[r] = b.id(j++);
                scores[r] = sb;
            }
        }
        return new Neighbours(ids, scores);
    }
}
