package dev.marquee.feed.rerank;

/**
 * Item embeddings for the optional MMR similarity penalty of {@link CreatorDiversitySelector}, e.g. the
 * two-tower item vectors or the ANN index's stored vectors. Must be cheap (an array lookup) and thread-safe.
 */
@FunctionalInterface
public interface ItemEmbeddings {
    /** No embeddings: the similarity penalty is never applied. */
    ItemEmbeddings NONE = video -> null;

    /** The video's embedding (any length, not necessarily normalised), or null when it has none. */
    float[] embedding(int video);

    /** Embeddings indexed by dense video id; rows may be null. */
    static ItemEmbeddings of(float[][] byVideo) {
        return video -> video >= 0 && video < byVideo.length ? byVideo[video] : null;
    }
}
