package dev.marquee.features;

/**
 * Reusable result of {@link FeatureStore#coWatch}: per seed, its neighbours strongest first, stored flat
 * (seed i owns slots {@code [i·maxPerSeed, i·maxPerSeed + count(i))}). No per-neighbour objects.
 */
public final class NeighbourBatch {
    private final int maxSeeds;
    private final int maxPerSeed;
    final int[] seeds;
    final int[] counts;
    final int[] neighbours;
    final double[] weights;
    int seedCount;
    long offset;

    public NeighbourBatch(int maxSeeds, int maxPerSeed) {
        if (maxSeeds <= 0 || maxSeeds > FeatureStore.MAX_COWATCH_SEEDS) {
            throw new IllegalArgumentException("maxSeeds must be in [1, " + FeatureStore.MAX_COWATCH_SEEDS + "], got " + maxSeeds);
        }
        if (maxPerSeed <= 0) {
            throw new IllegalArgumentException("maxPerSeed must be positive, got " + maxPerSeed);
        }
        this.maxSeeds = maxSeeds;
        this.maxPerSeed = maxPerSeed;
        seeds = new int[maxSeeds];
        counts = new int[maxSeeds];
        neighbours = new int[maxSeeds * maxPerSeed];
        weights = new double[neighbours.length];
    }

    public int maxSeeds() {
        return maxSeeds;
    }

    public int maxPerSeed() {
        return maxPerSeed;
    }

    public int seedCount() {
        return seedCount;
    }

    public int seed(int i) {
        return seeds[i];
    }

    /** Number of neighbours of seed i. */
    public int count(int i) {
        return counts[i];
    }

    /** j-th strongest neighbour (dense video id) of seed i. */
    public int neighbour(int i, int j) {
        return neighbours[i * maxPerSeed + j];
    }

    /** Decayed co-watch weight of that edge at the read time. */
    public double weight(int i, int j) {
        return weights[i * maxPerSeed + j];
    }

    /** Log offset the batch reflects. */
    public long offset() {
        return offset;
    }
}
