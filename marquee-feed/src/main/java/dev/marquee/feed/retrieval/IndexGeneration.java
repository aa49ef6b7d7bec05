package dev.marquee.feed.retrieval;

import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.VectorIndex;
import dev.marquee.events.Video;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.Objects;

/**
 * The indexes built for one two-tower model, swapped as a unit so a search never mixes embedding spaces.
 *
 * @param model   the model whose item tower produced every vector here (and whose user tower must embed queries)
 * @param items   full item embeddings (video id, creator, category, text), searched by the user embedding: every
 *                video, or with a {@code policy} the videos the model trained on (the trained tier)
 * @param content content-only item embeddings (no video id) of every video, the content space of recent long views
 * @param policy  the model's fresh-tier rule, or null (a model saved without one: no fresh tier)
 * @param fresh   with a policy, the content-only embeddings of the videos it calls fresh (never trained on: uploaded
 *                after the model's cut-off or absent from its training data), searched exactly and merged with
 *                {@code items} by {@link FreshTierMerge}; null without a policy
 */
public record IndexGeneration(TwoTowerModel model, VectorIndex items, VectorIndex content, FreshTierPolicy policy,
                              ExactIndex fresh) implements AutoCloseable {
    public IndexGeneration {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(content, "content");
        if ((policy == null) != (fresh == null)) {
            throw new IllegalArgumentException("a fresh tier needs a policy and a policy needs a fresh tier");
        }
    }

    /** A generation without a fresh tier (every video in {@code items}). */
    public IndexGeneration(TwoTowerModel model, VectorIndex items, VectorIndex content) {
        this(model, items, content, null, null);
    }

    /** Whether {@code video} belongs in the fresh tier of this generation. */
    public boolean isFresh(Video video) {
        return policy != null && policy.isFresh(video.videoId(), video.uploadedAt());
    }

    /** Closes the indexes (not the model: the model registry owns it). */
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
