package dev.marquee.training.twotower;

import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.Arrays;

/**
 * One item embedding per roster video, row-major, in roster order: the full item tower for videos that were a
 * training target, the content-only path (creator, category, text; video id ignored) for videos never trained
 * on, since their id row is an untrained random vector (or another video's, by hash collision).
 *
 * @param videoIds    external ids, by row
 * @param contentOnly whether the row came from the content-only path
 * @param vectors     {@code size × dimension} unit vectors
 */
public record CatalogueEmbeddings(String[] videoIds, boolean[] contentOnly, float[] vectors, int dimension) {
    private static final int CHUNK = 1024;

    public CatalogueEmbeddings {
        if (videoIds.length != contentOnly.length || vectors.length != videoIds.length * dimension) {
            throw new IllegalArgumentException(videoIds.length + " ids, " + contentOnly.length + " flags and "
                    + vectors.length + " floats do not describe " + dimension + "-d rows");
        }
    }

    public int size() {
        return videoIds.length;
    }

    /** Embeds every roster video with {@code model}; content-only rows for videos never a training target. */
    static CatalogueEmbeddings of(TwoTowerModel model, VideoRoster roster, ItemFeatureBatch catalogue) {
        return of(model, roster, catalogue, null);
    }

    /**
     * Embeds every roster video with {@code model}: content-only rows for the videos {@code rule} says the model never
     * trained on (as serving indexes them), or without a rule for videos that were never a training target.
     */
    static CatalogueEmbeddings of(TwoTowerModel model, VideoRoster roster, ItemFeatureBatch catalogue,
                                  FreshTierPolicy rule) {
        int n = roster.size(), d = model.dimension(), t = catalogue.textDim();
        String[] ids = new String[n];
        boolean[] content = new boolean[n];
        float[] rows = new float[n * d];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK), m = to - from;
            ItemFeatureBatch chunk = new ItemFeatureBatch(m, Arrays.copyOfRange(catalogue.videos(), from, to),
                    Arrays.copyOfRange(catalogue.creators(), from, to), Arrays.copyOfRange(catalogue.categories(), from, to),
                    t, Arrays.copyOfRange(catalogue.text(), from * t, to * t));
            float[] full = new float[m * d];
            float[] contentRows = new float[m * d];
            model.embedItems(chunk, false, full);
            model.embedItems(chunk, true, contentRows);
            for (int i = 0; i < m; i++) {
                int v = from + i;
                ids[v] = roster.video(v).videoId();
                content[v] = rule == null ? roster.trainPositives(v) == 0
                        : rule.usesContentPath(ids[v], roster.video(v).uploadedAt());
                System.arraycopy(content[v] ? contentRows : full, i * d, rows, v * d, d);
            }
        }
        return new CatalogueEmbeddings(ids, content, rows, d);
    }
}
