package dev.marquee.core;

import java.util.Objects;

/** Stable name of a pipeline component; metrics tags and {@code explain} output use it, so never rename one lightly. */
public record ComponentId(String name) {
    public ComponentId {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("component id must be lower-case kebab/dot case: " + name);
        }
    }

    public static ComponentId of(String name) {
        return new ComponentId(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
