package dev.marquee.models.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Encodes video titles and tags into 384-d L2-normalised vectors with all-MiniLM-L6-v2 (Reimers &amp;
 * Gurevych's Sentence-BERT, quantized, mean pooling), the model shipped in langchain4j's
 * {@code all-minilm-l6-v2-q} jar: no download. A batch is split into cache hits and misses; the misses
 * are encoded in one call, one text per task on the injected executor, each on a single ONNX Runtime
 * thread (so parallelism = the executor's threads, without oversubscribing the cores). Thread-safe.
 */
public final class TextEncoder {
    public static final int DIMENSION = 384;

    private final EmbeddingModel model;
    private final TextVectorCache cache;

    /**
     * @param executor      runs the per-text encodings of a batch (e.g. a fixed pool of the cores to use)
     * @param cacheCapacity how many distinct texts to remember (0 disables the cache)
     */
    public TextEncoder(Executor executor, int cacheCapacity) {
        this.model = new MiniLmModel(executor, 1);
        this.cache = new TextVectorCache(cacheCapacity);
    }

    /** The vector of one video's text (a copy the caller may keep). */
    public float[] encode(VideoText text) {
        float[] out = new float[DIMENSION];
        encodeInto(List.of(text), out);
        return out;
    }

    /** Writes the vectors of {@code texts} row-major into {@code out} ({@code texts.size() × 384}). */
    public void encodeInto(List<VideoText> texts, float[] out) {
        if (out.length < texts.size() * DIMENSION) {
            throw new IllegalArgumentException("output holds " + out.length + " floats, needs " + texts.size() * DIMENSION);
        }
        List<Integer> missing = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i).asText();
            float[] cached = cache.get(text);
            if (cached != null) {
                System.arraycopy(cached, 0, out, i * DIMENSION, DIMENSION);
            } else {
                missing.add(i);
                segments.add(TextSegment.from(text));
            }
        }
        if (segments.isEmpty()) {
            return;
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        for (int k = 0; k < missing.size(); k++) {
            float[] v = normalized(embeddings.get(k).vector());
            cache.put(segments.get(k).text(), v);
            System.arraycopy(v, 0, out, missing.get(k) * DIMENSION, DIMENSION);
        }
    }

    private static float[] normalized(float[] v) {
        if (v.length != DIMENSION) {
            throw new IllegalStateException("encoder returned " + v.length + " dimensions, expected " + DIMENSION);
        }
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float inv = (float) (1 / Math.sqrt(Math.max(sum, 1e-24)));
        float[] out = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }

    public long cacheHits() {
        return cache.hits();
    }

    public long cacheMisses() {
        return cache.misses();
    }
}
