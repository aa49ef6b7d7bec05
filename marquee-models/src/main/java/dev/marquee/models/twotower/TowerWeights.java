package dev.marquee.models.twotower;

import dev.marquee.models.DenseLayer;
import dev.marquee.models.DenseMlp;
import dev.marquee.models.MlpWorkspace;
import dev.marquee.models.ParameterSet;
import dev.marquee.models.VectorMath;
import java.util.List;

import static dev.marquee.models.twotower.TwoTowerNetwork.*;

/**
 * Both towers' trained weights as float arrays and the plain-Java forward pass over them, the serving
 * twin of {@link TwoTowerNetwork} (same inputs layout, same ops; equal to 1e-5). Immutable, thread-safe.
 */
final class TowerWeights {
    private final TwoTowerShape shape;
    private final float[] video, creator, category, age, country, device;
    private final DenseMlp itemMlp, userMlp;

    TowerWeights(TwoTowerShape shape, ParameterSet p) {
        this.shape = shape;
        video = p.floats(VIDEO);
        creator = p.floats(CREATOR);
        category = p.floats(CATEGORY);
        age = p.floats(AGE);
        country = p.floats(COUNTRY);
        device = p.floats(DEVICE);
        itemMlp = mlp(p, ITEM_W0, ITEM_B0, ITEM_W1, ITEM_B1, shape.itemInputDim());
        userMlp = mlp(p, USER_W0, USER_B0, USER_W1, USER_B1, shape.userInputDim());
    }

    private DenseMlp mlp(ParameterSet p, String w0, String b0, String w1, String b1, int in) {
        int hidden = shape.hiddenDim(), out = shape.outputDim();
        return new DenseMlp(List.of(new DenseLayer(in, hidden, p.floats(w0), p.floats(b0), true),
                new DenseLayer(hidden, out, p.floats(w1), p.floats(b1), false)));
    }

    void embedItems(ItemFeatureBatch items, boolean contentOnly, float[] out, MlpWorkspace ws) {
        TwoTowerShape s = shape;
        int n = items.size(), width = s.itemInputDim();
        float[] x = ws.buffer(2, n * width);
        for (int i = 0; i < n; i++) {
            int o = i * width;
            if (contentOnly) {
                java.util.Arrays.fill(x, o, o + s.videoDim(), 0f);
            } else {
                VectorMath.copyRow(video, items.videos()[i], s.videoDim(), x, o);
            }
            o += s.videoDim();
            VectorMath.copyRow(creator, items.creators()[i], s.creatorDim(), x, o);
            o += s.creatorDim();
            VectorMath.copyRow(category, items.categories()[i], s.categoryDim(), x, o);
            o += s.categoryDim();
            System.arraycopy(items.text(), i * s.textDim(), x, o, s.textDim());
        }
        itemMlp.forward(x, n, out, ws);
        VectorMath.l2NormalizeRows(out, n, s.outputDim());
    }

    void embedUsers(UserFeatureBatch users, float[] out, MlpWorkspace ws) {
        TwoTowerShape s = shape;
        int n = users.size(), width = s.userInputDim(), h = users.historyLength(), dv = s.videoDim();
        float[] x = ws.buffer(2, n * width);
        float[] weights = users.meanWeights();
        for (int u = 0; u < n; u++) {
            int o = u * width;
            java.util.Arrays.fill(x, o, o + dv, 0f);
            for (int i = 0; i < h; i++) {
                float w = weights[u * h + i];
                int row = users.historyVideos()[u * h + i] * dv;
                for (int k = 0; k < dv; k++) {
                    x[o + k] += w * video[row + k];
                }
            }
            o += dv;
            VectorMath.copyRow(age, users.ageBand()[u], s.contextDim(), x, o);
            o += s.contextDim();
            VectorMath.copyRow(country, users.country()[u], s.contextDim(), x, o);
            o += s.contextDim();
            VectorMath.copyRow(device, users.device()[u], s.contextDim(), x, o);
            o += s.contextDim();
            TimeEncoding.write(users.hourOfDay()[u], users.dayOfWeek()[u], x, o);
        }
        userMlp.forward(x, n, out, ws);
        VectorMath.l2NormalizeRows(out, n, s.outputDim());
    }
}
