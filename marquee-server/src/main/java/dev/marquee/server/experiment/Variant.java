package dev.marquee.server.experiment;

import java.util.Objects;

/**
 * One arm of an experiment.
 *
 * @param name      short name, unique in its experiment ([A-Za-z0-9_-]+)
 * @param share     fraction of all users assigned to it, in (0, 1]
 * @param overrides what it changes
 */
public record Variant(String name, double share, VariantOverrides overrides) {
    public Variant {
        Experiment.requireName(name, "variant name");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("variant " + name + ": share must be in (0, 1], got " + share);
        }
        Objects.requireNonNull(overrides, "overrides");
    }
}
