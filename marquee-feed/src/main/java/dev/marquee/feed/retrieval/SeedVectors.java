package dev.marquee.feed.retrieval;

/**
 * Content-space vectors of some of a user's seed videos.
 *
 * @param seeds     for each row, the seed's position in the array the caller asked about
 * @param vectors   the rows, row-major, L2-normalised
 * @param dimension row width
 */
public record SeedVectors(int[] seeds, float[] vectors, int dimension) {
    public static final SeedVectors EMPTY = new SeedVectors(new int[0], new float[0], 1);

    public int size() {
        return seeds.length;
    }
}
