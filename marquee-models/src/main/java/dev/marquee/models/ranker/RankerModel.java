package dev.marquee.models.ranker;

import ai.djl.ndarray.NDManager;
import dev.marquee.models.MlpWorkspace;
import dev.marquee.models.ModelManifest;
import dev.marquee.models.ParameterSet;
import dev.marquee.models.TorchRuntime;
import dev.marquee.models.WorkspacePool;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained multi-task ranker. {@link #predict} is the serving path: plain Java (Vector API) over the
 * extracted weights, one batch per call, results written into the caller's buffer, no per-row objects
 * and no engine call; {@link #predictWithTorch} runs the same network in PyTorch and is the reference
 * it is tested against (1e-5). Thread-safe. Holds native tensors: close it.
 */
public final class RankerModel implements AutoCloseable {
    static final String FILE_NAME = "ranker";

    private final RankerSpec spec;
    private final ParameterSet params;
    private final RankerNetwork network;
    private final RankerWeights weights;
    private final WorkspacePool workspaces = new WorkspacePool();

    RankerModel(RankerSpec spec, ParameterSet params) {
        this.spec = spec;
        this.params = params;
        this.network = new RankerNetwork(spec.config().shape(), spec.schema());
        this.weights = new RankerWeights(spec, network, params);
    }

    public FeatureSchema schema() {
        return spec.schema();
    }

    /** The trained tensors (module-internal: the PyTorch reference and measurement baselines read them). */
    ParameterSet parameters() {
        return params;
    }

    public RankerConfig config() {
        return spec.config();
    }

    /**
     * Scores {@code rows} feature rows laid out by {@link #schema()} (raw values; standardised inside) and
     * writes {@code rows × 3} probabilities, {@link RankerHeads} order, into {@code out}.
     *
     * @throws IllegalArgumentException on a short buffer, a non-finite numeric value or an invalid id
     */
    public void predict(float[] features, int rows, float[] out) {
        check(features, rows, out);
        MlpWorkspace ws = workspaces.take();
        try {
            weights.predict(features, rows, out, ws);
        } finally {
            workspaces.giveBack(ws);
        }
    }

    /** The same scores computed by PyTorch (reference and benchmark baseline). */
    public void predictWithTorch(float[] features, int rows, float[] out) {
        check(features, rows, out);
        TorchRuntime.start(spec.config().training().intraOpThreads(), spec.config().training().interOpThreads());
        RankerInputs inputs = RankerInputs.of(spec, features, null, 0, rows);
        try (NDManager m = params.manager().newSubManager()) {
            float[] p = RankerNetwork.probabilities(network.logits(m, params, inputs)).toFloatArray();
            System.arraycopy(p, 0, out, 0, p.length);
        }
    }

    private void check(float[] features, int rows, float[] out) {
        spec.schema().validate(features, rows);
        if (out.length < rows * RankerHeads.COUNT) {
            throw new IllegalArgumentException("output buffer holds " + out.length + " floats, needs " + rows * RankerHeads.COUNT);
        }
    }

    /** Writes {@code ranker.json} (config, schema, standardisation) and {@code ranker.params}. */
    public void save(Path directory) throws IOException {
        new ModelManifest(directory, FILE_NAME).write(spec, params);
    }

    public static RankerModel load(Path directory) throws IOException {
        ModelManifest manifest = new ModelManifest(directory, FILE_NAME);
        RankerSpec spec = manifest.readConfig(RankerSpec.class);
        TorchRuntime.start(spec.config().training().intraOpThreads(), spec.config().training().interOpThreads());
        return new RankerModel(spec, manifest.readParams());
    }

    @Override
    public void close() {
        params.close();
    }
}
