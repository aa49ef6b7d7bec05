package dev.marquee.models.ranker;

/** What a saved ranker needs besides its tensors: config, input layout and numeric standardisation. */
record RankerSpec(RankerConfig config, FeatureSchema schema, FeatureNormalizer normalizer) {
}
