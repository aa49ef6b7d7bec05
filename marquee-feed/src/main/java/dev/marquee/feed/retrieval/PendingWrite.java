package dev.marquee.feed.retrieval;

import dev.marquee.events.Video;

/**
 * A write made while a new {@link IndexGeneration} was being built, replayed into it before the swap.
 *
 * @param id    dense video id
 * @param video the upserted metadata, or null for a removal
 * @param text  the video's text vector (null for a removal)
 */
record PendingWrite(int id, Video video, float[] text) {
    static PendingWrite removal(int id) {
        return new PendingWrite(id, null, null);
    }
}
