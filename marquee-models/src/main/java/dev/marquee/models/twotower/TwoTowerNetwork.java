package dev.marquee.models.twotower;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.marquee.models.ParamInit;
import dev.marquee.models.ParameterSet;
import dev.marquee.models.TorchLayers;

/**
 * The two towers as PyTorch tensor programs (training and the reference inference path). Parameter
 * names are the contract with {@link TowerWeights}, which reads the same tensors for the Java path.
 * The user tower pools the item tower's video-id table, so history and candidates share one id space.
 * The video and creator tables can be passed explicitly: training hands in only the batch's rows
 * ({@link SparseAdamTable}) with ids rewritten to row positions.
 */
final class TwoTowerNetwork {
    static final String VIDEO = "video_emb", CREATOR = "creator_emb", CATEGORY = "category_emb";
    static final String AGE = "age_emb", COUNTRY = "country_emb", DEVICE = "device_emb";
    static final String ITEM_W0 = "item_w0", ITEM_B0 = "item_b0", ITEM_W1 = "item_w1", ITEM_B1 = "item_b1";
    static final String USER_W0 = "user_w0", USER_B0 = "user_b0", USER_W1 = "user_w1", USER_B1 = "user_b1";
    private static final double EMBEDDING_STD = 0.05;

    private final TwoTowerShape shape;

    TwoTowerNetwork(TwoTowerShape shape) {
        this.shape = shape;
    }

    ParameterSet initialize(ParamInit init) {
        TwoTowerShape s = shape;
        ParameterSet p = new ParameterSet();
        p.add(VIDEO, init.normal(s.videoBuckets() * s.videoDim(), EMBEDDING_STD), s.videoBuckets(), s.videoDim());
        p.add(CREATOR, init.normal(s.creatorBuckets() * s.creatorDim(), EMBEDDING_STD), s.creatorBuckets(), s.creatorDim());
        p.add(CATEGORY, init.normal(s.categories() * s.categoryDim(), EMBEDDING_STD), s.categories(), s.categoryDim());
        p.add(AGE, init.normal(s.ageBands() * s.contextDim(), EMBEDDING_STD), s.ageBands(), s.contextDim());
        p.add(COUNTRY, init.normal(s.countries() * s.contextDim(), EMBEDDING_STD), s.countries(), s.contextDim());
        p.add(DEVICE, init.normal(s.devices() * s.contextDim(), EMBEDDING_STD), s.devices(), s.contextDim());
        addDense(p, init, ITEM_W0, ITEM_B0, s.itemInputDim(), s.hiddenDim());
        addDense(p, init, ITEM_W1, ITEM_B1, s.hiddenDim(), s.outputDim());
        addDense(p, init, USER_W0, USER_B0, s.userInputDim(), s.hiddenDim());
        addDense(p, init, USER_W1, USER_B1, s.hiddenDim(), s.outputDim());
        return p;
    }

    private static void addDense(ParameterSet p, ParamInit init, String w, String b, int in, int out) {
        p.add(w, init.glorot(in, out), in, out);
        p.add(b, new float[out], out);
    }

    /**
     * Item embeddings, {@code size × outputDim}. {@code keepVideo}/{@code keepCreator} multiply each
     * row's id embedding (1 keeps it, 0 drops it: id dropout in training, the content-only path at
     * inference).
     */
    NDArray itemTower(NDManager m, ParameterSet p, ItemFeatureBatch items, float[] keepVideo, float[] keepCreator) {
        return itemTower(m, p, items, keepVideo, keepCreator, p.get(VIDEO), p.get(CREATOR));
    }

    /** As above with explicit video/creator tables (training passes the batch's rows; ids are row positions). */
    NDArray itemTower(NDManager m, ParameterSet p, ItemFeatureBatch items, float[] keepVideo, float[] keepCreator,
                      NDArray videoTable, NDArray creatorTable) {
        int n = items.size();
        NDArray video = TorchLayers.embed(m.create(items.videos()), videoTable).mul(m.create(keepVideo, new Shape(n, 1)));
        NDArray creator = TorchLayers.embed(m.create(items.creators()), creatorTable).mul(m.create(keepCreator, new Shape(n, 1)));
        NDArray category = TorchLayers.embed(m.create(items.categories()), p, CATEGORY);
        NDArray text = m.create(items.text(), new Shape(n, items.textDim()));
        NDArray x = NDArrays.concat(new NDList(video, creator, category, text), 1);
        NDArray h = TorchLayers.dense(x, p, ITEM_W0, ITEM_B0, true);
        return TorchLayers.l2Normalize(TorchLayers.dense(h, p, ITEM_W1, ITEM_B1, false));
    }

    /** User embeddings, {@code size × outputDim}. */
    NDArray userTower(NDManager m, ParameterSet p, UserFeatureBatch users) {
        return userTower(m, p, users, p.get(VIDEO));
    }

    /** As above with an explicit video table. */
    NDArray userTower(NDManager m, ParameterSet p, UserFeatureBatch users, NDArray videoTable) {
        int n = users.size();
        int h = users.historyLength();
        NDArray history = TorchLayers.embed(m.create(users.historyVideos(), new Shape(n, h)), videoTable);
        NDArray weights = m.create(users.meanWeights(), new Shape(n, h, 1));
        NDArray pooled = history.mul(weights).sum(new int[] {1});
        NDArray age = TorchLayers.embed(m.create(users.ageBand()), p, AGE);
        NDArray country = TorchLayers.embed(m.create(users.country()), p, COUNTRY);
        NDArray device = TorchLayers.embed(m.create(users.device()), p, DEVICE);
        float[] time = new float[n * TimeEncoding.WIDTH];
        for (int i = 0; i < n; i++) {
            TimeEncoding.write(users.hourOfDay()[i], users.dayOfWeek()[i], time, i * TimeEncoding.WIDTH);
        }
        NDArray x = NDArrays.concat(new NDList(pooled, age, country, device,
                m.create(time, new Shape(n, TimeEncoding.WIDTH))), 1);
        NDArray hidden = TorchLayers.dense(x, p, USER_W0, USER_B0, true);
        return TorchLayers.l2Normalize(TorchLayers.dense(hidden, p, USER_W1, USER_B1, false));
    }
}
