package dev.marquee.feed.retrieval;

import dev.marquee.events.Video;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.models.text.VideoText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Text vectors of videos, read from the {@link TextVectorStore} when the video's current title and tags were
 * encoded before, otherwise encoded in one {@link TextEncoder#encodeInto} batch and appended to the store.
 * A video whose text changed is re-encoded: stored vectors carry a fingerprint of the text they came from.
 */
public final class VideoTextVectors {
    private final TextVectorStore store;
    private final TextEncoder encoder;

    public VideoTextVectors(TextVectorStore store, TextEncoder encoder) {
        this.store = Objects.requireNonNull(store, "store");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (store.dimension() != TextEncoder.DIMENSION) {
            throw new IllegalArgumentException("store holds " + store.dimension() + "-d vectors, the encoder makes "
                    + TextEncoder.DIMENSION + "-d");
        }
    }

    public int dimension() {
        return TextEncoder.DIMENSION;
    }

    /** Writes the text vectors of {@code videos} row-major into {@code out} (videos.size() × 384). */
    public void fill(List<Video> videos, float[] out) {
        int d = TextEncoder.DIMENSION;
        if (out.length < videos.size() * d) {
            throw new IllegalArgumentException("output holds " + out.length + " floats, needs " + videos.size() * d);
        }
        List<Integer> missing = new ArrayList<>();
        List<VideoText> texts = new ArrayList<>();
        long[] prints = new long[videos.size()];
        for (int i = 0; i < videos.size(); i++) {
            Video v = videos.get(i);
            prints[i] = fingerprint(v);
            if (!store.get(v.videoId(), prints[i], out, i * d)) {
                missing.add(i);
                texts.add(new VideoText(v.title(), v.tags()));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        float[] encoded = new float[missing.size() * d];
        encoder.encodeInto(texts, encoded);
        List<String> ids = new ArrayList<>(missing.size());
        long[] missingPrints = new long[missing.size()];
        for (int k = 0; k < missing.size(); k++) {
            int i = missing.get(k);
            System.arraycopy(encoded, k * d, out, i * d, d);
            ids.add(videos.get(i).videoId());
            missingPrints[k] = prints[i];
        }
        try {
            store.putAll(ids, missingPrints, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append text vectors to the store", e);
        }
    }

    /** The stored vector of {@code video} (latest, whatever text it came from) into {@code out[offset..]}; false when none. */
    public boolean stored(Video video, float[] out, int offset) {
        return store.get(video.videoId(), out, offset);
    }

    /** 64-bit FNV-1a of the title and tags, the key that decides whether a stored vector is still current. */
    public static long fingerprint(Video video) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, video.title());
        for (String tag : video.tags()) {
            h = mix(h ^ 0x1F, tag);
        }
        return h;
    }

    private static long mix(long h, String s) {
        for (byte b : (s == null ? "" : s).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return (h ^ 0xFF) * 0x100000001b3L;
    }
}
