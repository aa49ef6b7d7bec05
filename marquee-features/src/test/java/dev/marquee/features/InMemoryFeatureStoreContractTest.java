package dev.marquee.features;

/** Runs the store contract against the embedded in-memory backend. */
class InMemoryFeatureStoreContractTest extends FeatureStoreContractTest {
    @Override
    protected FeatureStore createStore(FeatureStoreConfig config) {
        return new InMemoryFeatureStore(config);
    }

    @Override
    protected FeatureWriter writerOf(FeatureStore store) {
        return (InMemoryFeatureStore) store;
    }
}
