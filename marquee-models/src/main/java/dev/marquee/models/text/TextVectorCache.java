package dev.marquee.models.text;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded least-recently-used map from text to its vector; thread-safe by a single lock. */
final class TextVectorCache {
    private final Map<String, float[]> entries;
    private long hits, misses;

    TextVectorCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized float[] get(String text) {
        float[] v = entries.get(text);
        if (v == null) {
            misses++;
        } else {
            hits++;
        }
        return v;
    }

    synchronized void put(String text, float[] vector) {
        entries.put(text, vector);
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
