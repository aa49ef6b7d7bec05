package dev.marquee.feed.retrieval;

import dev.marquee.ann.VectorIndex;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.Objects;

/**
 * The indexes built for one two-tower model, swapped as a unit so a search never mixes embedding spaces.
 *
 * @param model   the model whose item tower produced every vector here (and whose user tower must embed queries)
 * @param items   full item embeddings (video id, creator, category, text), searched by the user embedding
 * @param content content-only item embeddings (no video id), the content space of recent long views
 */
public record IndexGeneration(TwoTowerModel model, VectorIndex items, VectorIndex content) implements AutoCloseable {
    public IndexGeneration {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(content, "content");
    }

    /** Closes both indexes (not the model: the model registry owns it). */
    @Override
    public void close() {
        for (VectorIndex index : new VectorIndex[] {items, content}) {
            if (index instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close a retired index", e);
                }
            }
        }
    }
}
