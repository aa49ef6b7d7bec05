package dev.marquee.models.ranker;

/** A categorical input column: ids in [0, cardinality) embedded into {@code embeddingDim} floats. */
public record CategoricalField(String name, int cardinality, int embeddingDim) {

    /** Largest cardinality whose ids a float column still holds exactly. */
    public static final int MAX_CARDINALITY = 1 << 24;

    public CategoricalField {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("categorical field needs a name");
        }
        if (cardinality < 1 || cardinality > MAX_CARDINALITY) {
            throw new IllegalArgumentException(name + ": cardinality must be in [1, 2^24], got " + cardinality);
        }
        if (embeddingDim < 1) {
            throw new IllegalArgumentException(name + ": embeddingDim must be >= 1, got " + embeddingDim);
        }
    }
}
