package dev.marquee.features;

/**
 * Size figures of a store for {@code marquee stats} and capacity planning.
 *
 * @param offset       last applied log offset
 * @param users        users with state (forgotten users excluded)
 * @param videos       videos known to the dictionary
 * @param coWatchEdges directed co-watch edges held
 * @param memoryBytes  estimated heap bytes of the store's state (arrays and objects, estimated sizes)
 */
public record FeatureStoreStats(long offset, int users, int videos, long coWatchEdges, long memoryBytes) {
}
