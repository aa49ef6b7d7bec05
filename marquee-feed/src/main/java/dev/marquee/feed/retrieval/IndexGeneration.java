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
 * @param items   item embeddings searched by the user embedding: full path (video id, creator, category, text) for
 *                every video; with a {@code policy}, every video but the fresh ones, content-only for those the model
 *                never trained on (their id row is untrained)
 * @param content content-only item embeddings (no video id) of every video, the content space of recent long views
 * @param policy  the model's fresh-tier rule, or null (a model saved without one: no fresh tier)
 * @param fresh   with a policy, the content-only embeddings of the videos it calls fresh (uploaded from the model's
 *                training cut-off on), searched exactly and merged with {@code items} by {@link FreshTierMerge}; null
 *                without a policy
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

    /** Whether {@code video}'s row in {@code items} comes from the content-only path (never trained on). */
    public boolean usesContentPath(Video video) {
        return policy != null && policy.usesContentPath(video.videoId(), video.uploadedAt());
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
