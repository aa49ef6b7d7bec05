package dev.marquee.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A bag of typed feature values. Reading a missing feature throws unless the caller passes a default on
 * purpose ({@link #getOrDefault}); this keeps "feature silently absent" bugs out of ranking.
 * Every candidate carries one and most stay empty, so the table is allocated on the first put (an eager
 * IdentityHashMap was ~270 bytes per candidate, the largest allocation of a feed request under JFR).
 */
public final class FeatureMap {
    private Map<Feature<?, ?>, Object> values;

    public <V> FeatureMap put(Feature<?, V> feature, V value) {
        Object checked = feature.type().cast(value);
        if (values == null) {
            values = new IdentityHashMap<>(4);
        }
        values.put(feature, checked);
        return this;
    }

    public <V> V get(Feature<?, V> feature) {
        Object v = values == null ? null : values.get(feature);
        if (v == null) {
            throw new MissingFeatureException(feature);
        }
        return feature.type().cast(v);
    }

    public <V> V getOrDefault(Feature<?, V> feature, V fallback) {
        Object v = values == null ? null : values.get(feature);
        return v == null ? fallback : feature.type().cast(v);
    }

    public boolean has(Feature<?, ?> feature) {
        return values != null && values.containsKey(feature);
    }

    public FeatureMap putAll(FeatureMap other) {
        if (other.values != null && !other.values.isEmpty()) {
            if (values == null) {
                values = new IdentityHashMap<>(Math.max(4, other.values.size()));
            }
            values.putAll(other.values);
        }
        return this;
    }

    /** Read-only view for explain output and logging. */
    public Map<Feature<?, ?>, Object> asMap() {
        return values == null ? Map.of() : Collections.unmodifiableMap(values);
    }

    public int size() {
        return values == null ? 0 : values.size();
    }
}
