package dev.marquee.feed.ranking;

/**
 * Two-tower item embeddings by dense video id, for the user·item dot-product feature. Implementations
 * return the stored (L2-normalised) vector without copying; callers must not modify it.
 */
@FunctionalInterface
public interface ItemEmbeddings {
    /** No embeddings: the dot-product feature reads 0. */
    ItemEmbeddings NONE = video -> null;

    /** The item's embedding, or null when it has none (no model, or not embedded yet). */
    float[] embedding(int video);
}
