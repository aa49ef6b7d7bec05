package dev.marquee.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A bag of typed feature values. Reading a missing feature throws unless the caller passes a default on
 * purpose ({@link #getOrDefault}); this keeps "feature silently absent" bugs out of ranking.
 */
public final class FeatureMap {
    private final Map<Feature<?, ?>, Object> values = new IdentityHashMap<>();

    public <V> FeatureMap put(Feature<?, V> feature, V value) {
        values.put(feature, feature.type().cast(value));
        return this;
    }

    public <V> V get(Feature<?, V> feature) {
        Object v = values.get(feature);
        if (v == null) {
            throw new MissingFeatureException(feature);
        }
        return feature.type().cast(v);
    }

    public <V> V getOrDefault(Feature<?, V> feature, V fallback) {
        Object v = values.get(feature);
        return v == null ? fallback : feature.type().cast(v);
    }

    public boolean has(Feature<?, ?> feature) {
        return values.containsKey(feature);
    }

    public FeatureMap putAll(FeatureMap other) {
        values.putAll(other.values);
        return this;
    }

    /** Read-only view for explain output and logging. */
    public Map<Feature<?, ?>, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public int size() {
        return values.size();
    }
}
