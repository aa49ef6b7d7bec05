package dev.marquee.models.twotower;

import ai.djl.ndarray.NDManager;
import dev.marquee.models.IdBuckets;
import dev.marquee.models.MlpWorkspace;
import dev.marquee.models.ModelManifest;
import dev.marquee.models.ParameterSet;
import dev.marquee.models.TorchRuntime;
import dev.marquee.models.WorkspacePool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A trained two-tower model. Embeddings are computed by the plain-Java forward pass (no engine call on
 * the serving path) and returned row-major, {@code size × dimension()}, L2-normalised, so relevance is
 * a dot product. Thread-safe. Holds native tensors for the reference path and for saving: close it.
 */
public final class TwoTowerModel implements AutoCloseable {
    static final String FILE_NAME = "two-tower";

    private final TwoTowerConfig config;
    private final ParameterSet params;
    private final TowerWeights weights;
    private final WorkspacePool workspaces = new WorkspacePool();

    TwoTowerModel(TwoTowerConfig config, ParameterSet params) {
        this.config = config;
        this.params = params;
        this.weights = new TowerWeights(config.shape(), params);
    }

    public TwoTowerConfig config() {
        return config;
    }

    /** Width of every embedding. */
    public int dimension() {
        return config.shape().outputDim();
    }

    /** How raw video ids must be hashed into the bucket ids that feature batches carry. */
    public IdBuckets videoIds() {
        return config.shape().videoIds();
    }

    /** How raw creator ids must be hashed into bucket ids. */
    public IdBuckets creatorIds() {
        return config.shape().creatorIds();
    }

    /** Full-path item embeddings (id, creator, category, text). */
    public float[] embedItems(ItemFeatureBatch items) {
        float[] out = new float[items.size() * dimension()];
        embedItems(items, false, out);
        return out;
    }

    /** Content-only embeddings (video id ignored): the cold-start path for videos never trained on. */
    public float[] embedItemsContentOnly(ItemFeatureBatch items) {
        float[] out = new float[items.size() * dimension()];
        embedItems(items, true, out);
        return out;
    }

    /** Writes {@code size × dimension()} item embeddings into {@code out}. */
    public void embedItems(ItemFeatureBatch items, boolean contentOnly, float[] out) {
        items.validate(config.shape());
        requireRoom(out, items.size());
        MlpWorkspace ws = workspaces.take();
        try {
            weights.embedItems(items, contentOnly, out, ws);
        } finally {
            workspaces.giveBack(ws);
        }
    }

    /** User embeddings from the users' current features. */
    public float[] embedUsers(UserFeatureBatch users) {
        float[] out = new float[users.size() * dimension()];
        embedUsers(users, out);
        return out;
    }

    /** Writes {@code size × dimension()} user embeddings into {@code out}. */
    public void embedUsers(UserFeatureBatch users, float[] out) {
        users.validate(config.shape());
        requireRoom(out, users.size());
        MlpWorkspace ws = workspaces.take();
        try {
            weights.embedUsers(users, out, ws);
        } finally {
            workspaces.giveBack(ws);
        }
    }

    /** Item embeddings computed by PyTorch (the training graph): the reference the Java path is tested against. */
    public float[] embedItemsWithTorch(ItemFeatureBatch items, boolean contentOnly) {
        items.validate(config.shape());
        float[] keepVideo = new float[items.size()];
        Arrays.fill(keepVideo, contentOnly ? 0f : 1f);
        float[] keepCreator = new float[items.size()];
        Arrays.fill(keepCreator, 1f);
        startEngine();
        try (NDManager m = params.manager().newSubManager()) {
            return new TwoTowerNetwork(config.shape()).itemTower(m, params, items, keepVideo, keepCreator).toFloatArray();
        }
    }

    /** User embeddings computed by PyTorch, the reference for {@link #embedUsers}. */
    public float[] embedUsersWithTorch(UserFeatureBatch users) {
        users.validate(config.shape());
        startEngine();
        try (NDManager m = params.manager().newSubManager()) {
            return new TwoTowerNetwork(config.shape()).userTower(m, params, users).toFloatArray();
        }
    }

    /** Writes {@code two-tower.json} and {@code two-tower.params} into {@code directory}. */
    public void save(Path directory) throws IOException {
        new ModelManifest(directory, FILE_NAME).write(config, params);
    }

    /** Loads a model written by {@link #save}. */
    public static TwoTowerModel load(Path directory) throws IOException {
        ModelManifest manifest = new ModelManifest(directory, FILE_NAME);
        TwoTowerConfig config = manifest.readConfig(TwoTowerConfig.class);
        TorchRuntime.start(config.training().intraOpThreads(), config.training().interOpThreads());
        return new TwoTowerModel(config, manifest.readParams());
    }

    private void startEngine() {
        TorchRuntime.start(config.training().intraOpThreads(), config.training().interOpThreads());
    }

    private void requireRoom(float[] out, int rows) {
        if (out.length < rows * dimension()) {
            throw new IllegalArgumentException("output buffer holds " + out.length + " floats, needs "
                    + rows * dimension());
        }
    }

    @Override
    public void close() {
        params.close();
    }
}
