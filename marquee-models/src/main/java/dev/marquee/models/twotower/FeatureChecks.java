package dev.marquee.models.twotower;

/** Precise messages for malformed feature arrays. */
final class FeatureChecks {
    private FeatureChecks() {
    }

    static void length(String name, int[] a, int expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(name + " must have " + expected + " entries, got "
                    + (a == null ? "null" : a.length));
        }
    }

    static void length(String name, float[] a, int expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(name + " must have " + expected + " entries, got "
                    + (a == null ? "null" : a.length));
        }
    }

    static void range(String name, int[] ids, int cardinality) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= cardinality) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + ids[i] + " is outside [0, " + cardinality + ")");
            }
        }
    }

    static void finite(String name, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not finite");
            }
        }
    }
}
