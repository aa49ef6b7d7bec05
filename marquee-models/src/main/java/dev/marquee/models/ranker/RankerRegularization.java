package dev.marquee.models.ranker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.marquee.models.ParameterSet;
import dev.marquee.models.TorchLayers;
import java.util.SplittableRandom;

/**
 * Training-only regularisation of the hashed-id embeddings (fields with at least {@value #HASHED_ID_CARDINALITY}
 * buckets: creator and video). With ≈ 10 impressions per video bucket the raw embeddings memorise the training
 * days and the validation loss rises after the first epoch (measured, see {@code docs/evaluation.md}).
 * <ul>
 *   <li>{@code idDropout}: each training row's hashed id is replaced by the unknown id 0 with this probability
 *       (per field and row, seeded), so the rest of the network cannot lean on it and bucket 0 learns the
 *       "no id" row serving falls back to;</li>
 *   <li>{@code embeddingL2}: λ · mean over the batch of the squared norm of the hashed-id embedding rows
 *       looked up, added to the loss (a sparse L2: untouched buckets are not decayed).</li>
 * </ul>
 * Neither changes the forward pass, so serving and PyTorch stay identical.
 */
public record RankerRegularization(float idDropout, float embeddingL2) {
    /** Categorical fields with at least this many buckets count as hashed ids. */
    public static final int HASHED_ID_CARDINALITY = 1024;

    public RankerRegularization {
        if (!(idDropout >= 0f && idDropout < 1f)) {
            throw new IllegalArgumentException("idDropout must be in [0, 1), got " + idDropout);
        }
        if (!(embeddingL2 >= 0f) || Float.isInfinite(embeddingL2)) {
            throw new IllegalArgumentException("embeddingL2 must be finite and >= 0, got " + embeddingL2);
        }
    }

    public static RankerRegularization none() {
        return new RankerRegularization(0f, 0f);
    }

    static boolean hashedId(CategoricalField field) {
        return field.cardinality() >= HASHED_ID_CARDINALITY;
    }

    /** Replaces hashed ids of {@code inputs} by 0 with probability {@link #idDropout} (in place). */
    void dropIds(FeatureSchema schema, RankerInputs inputs, SplittableRandom random) {
        if (idDropout == 0f) {
            return;
        }
        for (int f = 0; f < inputs.ids().length; f++) {
            if (hashedId(schema.categorical().get(f))) {
                int[] ids = inputs.ids()[f];
                for (int i = 0; i < ids.length; i++) {
                    if (random.nextDouble() < idDropout) {
                        ids[i] = 0;
                    }
                }
            }
        }
    }

    /** λ · batch mean of Σ_hashed fields ‖embedding row‖², or null when λ = 0. */
    NDArray embeddingPenalty(NDManager m, FeatureSchema schema, ParameterSet params, RankerInputs inputs) {
        if (embeddingL2 == 0f) {
            return null;
        }
        NDArray sum = null;
        for (int f = 0; f < inputs.ids().length; f++) {
            if (hashedId(schema.categorical().get(f))) {
                NDArray e = TorchLayers.embed(m.create(inputs.ids()[f]), params, RankerNetwork.embedding(f));
                NDArray sq = e.mul(e).sum();
                sum = sum == null ? sq : sum.add(sq);
            }
        }
        return sum == null ? null : sum.mul(embeddingL2 / inputs.rows());
    }
}
