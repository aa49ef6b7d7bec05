package dev.marquee.features.redis;

import java.util.Arrays;

/**
 * This node's memory of each video's creator and category (dense id + 1, 0 unknown), learnt from the video
 * records it reads. It lets a batch read fetch the creators' and categories' statistics in the same pipeline as
 * the video records; every read re-checks the record's own header, so a stale or missing entry only costs a
 * second round trip for the affected groups. Racy by design: entries are ints written whole.
 */
final class VideoGroupCache {
    private volatile int[] creators = new int[0];
    private volatile int[] categories = new int[0];

    int creator(int video) {
        int[] c = creators;
        return video < c.length ? c[video] - 1 : -1;
    }

    int category(int video) {
        int[] c = categories;
        return video < c.length ? c[video] - 1 : -1;
    }

    synchronized void remember(int video, int creator, int category) {
        if (video >= creators.length) {
            int len = Math.max(video + 1, creators.length + (creators.length >> 1) + 1024);
            creators = Arrays.copyOf(creators, len);
            categories = Arrays.copyOf(categories, len);
        }
        creators[video] = creator + 1;
        categories[video] = category + 1;
    }
}
