package dev.marquee.feed.rerank;

import dev.marquee.core.IdDictionary;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * An immutable set of blocked videos and creators as dense ids (sorted arrays: one binary search per lookup,
 * no boxing). Build it with {@link #resolve}, which interns the external ids into the feature store's
 * dictionaries: dictionary ids are append-only and stable, so a video blocked before it is uploaded is
 * blocked the moment it arrives.
 */
public record BlockedIds(int[] videos, int[] creators) {
    public static final BlockedIds NONE = new BlockedIds(new int[0], new int[0]);

    public BlockedIds {
        videos = sortedCopy(videos, "videos");
        creators = sortedCopy(creators, "creators");
    }

    /** Interns external video and creator ids into the store's dictionaries and returns their dense set. */
    public static BlockedIds resolve(Collection<String> videoIds, Collection<String> creatorIds,
                                     IdDictionary videoDictionary, IdDictionary creatorDictionary) {
        return new BlockedIds(intern(videoIds, videoDictionary), intern(creatorIds, creatorDictionary));
    }

    public boolean blocksVideo(int video) {
        return videos.length > 0 && Arrays.binarySearch(videos, video) >= 0;
    }

    public boolean blocksCreator(int creator) {
        return creators.length > 0 && creator >= 0 && Arrays.binarySearch(creators, creator) >= 0;
    }

    public boolean isEmpty() {
        return videos.length == 0 && creators.length == 0;
    }

    private static int[] intern(Collection<String> ids, IdDictionary dictionary) {
        int[] out = new int[ids.size()];
        int i = 0;
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("blocked id must be non-blank, got '" + id + "'");
            }
            out[i++] = dictionary.intern(id);
        }
        return out;
    }

    private static int[] sortedCopy(int[] ids, String what) {
        Objects.requireNonNull(ids, what);
        int[] copy = ids.clone();
        Arrays.sort(copy);
        return copy;
    }
}
