package dev.marquee.feed.retrieval;

import dev.marquee.events.Video;
import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.List;

/**
 * Full and content-only item embeddings of a batch of videos from one model, with a validity flag per row:
 * the indexes accept unit vectors only, so a degenerate row (a model that maps some input to ~zero) is
 * reported and skipped rather than failing a whole index build.
 */
record ItemEmbeddings(float[] full, float[] content, boolean[] valid, int dimension) {

    static ItemEmbeddings of(TwoTowerModel model, ItemTowerInputs inputs, List<Video> videos, float[] text) {
        ItemFeatureBatch batch = inputs.batch(videos, text);
        int d = model.dimension();
        float[] full = new float[videos.size() * d];
        float[] content = new float[videos.size() * d];
        model.embedItems(batch, false, full);
        model.embedItems(batch, true, content);
        boolean[] valid = new boolean[videos.size()];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = unit(full, i * d, d) && unit(content, i * d, d);
        }
        return new ItemEmbeddings(full, content, valid, d);
    }

    float[] fullRow(int i) {
        return java.util.Arrays.copyOfRange(full, i * dimension, (i + 1) * dimension);
    }

    float[] contentRow(int i) {
        return java.util.Arrays.copyOfRange(content, i * dimension, (i + 1) * dimension);
    }

    private static boolean unit(float[] v, int offset, int d) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            float x = v[offset + k];
            if (!Float.isFinite(x)) {
                return false;
            }
            sum += x * x;
        }
        return Math.abs(Math.sqrt(sum) - 1) <= 1e-3;
    }
}
