package dev.marquee.feed.retrieval;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import dev.marquee.models.IdBuckets;
import dev.marquee.models.twotower.ItemFeatureBatch;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.models.twotower.TwoTowerShape;
import java.util.List;
import java.util.Objects;

/**
 * Encodes videos as item-tower inputs, the one encoding shared by indexing and training: video and creator
 * external ids hashed with the model's {@link IdBuckets}, the category's dense id from the store's dictionary
 * (stable across replays and snapshots; folded modulo the model's category count should a catalogue ever hold
 * more), and the caller's 384-d text vectors.
 */
public final class ItemTowerInputs {
    private final TwoTowerShape shape;
    private final IdBuckets videoBuckets;
    private final IdBuckets creatorBuckets;
    private final IdDictionary categories;

    public ItemTowerInputs(TwoTowerShape shape, IdBuckets videoBuckets, IdBuckets creatorBuckets, IdDictionary categories) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.videoBuckets = Objects.requireNonNull(videoBuckets, "videoBuckets");
        this.creatorBuckets = Objects.requireNonNull(creatorBuckets, "creatorBuckets");
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    public static ItemTowerInputs forModel(TwoTowerModel model, IdDictionary categories) {
        return new ItemTowerInputs(model.config().shape(), model.videoIds(), model.creatorIds(), categories);
    }

    /** One row per video, in list order; {@code text} holds their text vectors row-major. */
    public ItemFeatureBatch batch(List<Video> videos, float[] text) {
        int n = videos.size();
        if (n == 0) {
            throw new IllegalArgumentException("need at least one video");
        }
        int textDim = shape.textDim();
        if (text.length < n * textDim) {
            throw new IllegalArgumentException("text holds " + text.length + " floats, " + n + " videos need " + n * textDim);
        }
        int[] v = new int[n], c = new int[n], k = new int[n];
        for (int i = 0; i < n; i++) {
            Video video = videos.get(i);
            v[i] = videoBuckets.bucket(video.videoId());
            c[i] = creatorBuckets.bucket(video.creatorId());
            k[i] = category(video.category());
        }
        float[] rows = text.length == n * textDim ? text : java.util.Arrays.copyOf(text, n * textDim);
        return new ItemFeatureBatch(n, v, c, k, textDim, rows);
    }

    private int category(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("video has no category");
        }
        return categories.intern(name) % shape.categories();
    }
}
