package dev.marquee.core;

import java.util.Objects;

/**
 * A typed feature key: {@code Feature<Video, Integer> DURATION_SEC}. Features are typed keys rather than
 * strings so a misspelt or mistyped feature is a compile error, not a silent zero.
 *
 * @param <E> the entity the feature describes (user, video, user×video)
 * @param <V> the value type
 */
public final class Feature<E, V> {
    private final String name;
    private final Class<E> entity;
    private final Class<V> type;

    private Feature(String name, Class<E> entity, Class<V> type) {
        this.name = Objects.requireNonNull(name);
        this.entity = Objects.requireNonNull(entity);
        this.type = Objects.requireNonNull(type);
    }

    public static <E, V> Feature<E, V> of(String name, Class<E> entity, Class<V> type) {
        return new Feature<>(name, entity, type);
    }

    public String name() {
        return name;
    }

    public Class<E> entity() {
        return entity;
    }

    public Class<V> type() {
        return type;
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + name;
    }
}
