package dev.marquee.models.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Encodes video titles and tags into 384-d L2-normalised vectors with all-MiniLM-L6-v2 (Reimers &amp;
 * Gurevych's Sentence-BERT, quantized, mean pooling), the model shipped in langchain4j's
 * {@code all-minilm-l6-v2} jars (fp32 by default, see {@link MiniLmVariant}): no download. A call is
 * split into cache hits and distinct misses; the misses are encoded as padded, length-sorted batches
 * ({@link MiniLmBatchEncoder}), one ONNX Runtime thread per batch, batches spread over the calling
 * thread and the executor (parallelism = the executor's threads, without oversubscribing the cores).
 * Cost is compute-bound: ≈ 21 MFLOP per token, so ≈ 75 titles of ~20 tokens per second per AVX2 core
 * at this CPU's fp32 peak (measured). Thread-safe.
 */
public final class TextEncoder {
    public static final int DIMENSION = 384;
    /** Padded positions per ONNX run (batch × longest text), so a few long texts share a run, not 16. */
    private static final int TOKENS_PER_RUN = 16 * 32;

    private final Executor executor;
    private final TextEncoderConfig config;
    private final MiniLmSession session;
    private final MiniLmBatchEncoder batches;
    private final TextVectorCache cache;
    private volatile MiniLmModel oneByOne;

    /**
     * The default set-up: {@link TextEncoderConfig#forExecutor}.
     *
     * @param executor      helps run the batches of a call (e.g. a fixed pool of the cores to use)
     * @param cacheCapacity how many distinct texts to remember (0 disables the cache)
     */
    public TextEncoder(Executor executor, int cacheCapacity) {
        this(executor, cacheCapacity, TextEncoderConfig.forExecutor(executor));
    }

    /** As above, with an explicit model variant, batch size and thread layout. */
    public TextEncoder(Executor executor, int cacheCapacity, TextEncoderConfig config) {
        this.executor = executor;
        this.config = config;
        this.session = new MiniLmSession(config.variant(), config.intraOpThreads());
        int batch = config.effectiveBatch();
        this.batches = new MiniLmBatchEncoder(session, batch, Math.max(TOKENS_PER_RUN, batch * 16));
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
        Map<String, Integer> missIndex = new HashMap<>();
        List<String> misses = new ArrayList<>();
        int[] source = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i).asText();
            float[] cached = cache.get(text);
            if (cached != null) {
                System.arraycopy(cached, 0, out, i * DIMENSION, DIMENSION);
                source[i] = -1;
            } else {
                source[i] = missIndex.computeIfAbsent(text, t -> {
                    misses.add(t);
                    return misses.size() - 1;
                });
            }
        }
        if (misses.isEmpty()) {
            return;
        }
        float[] encoded = new float[misses.size() * DIMENSION];
        batches.encode(misses, encoded, executor, config.parallelism());
        for (int m = 0; m < misses.size(); m++) {
            float[] v = new float[DIMENSION];
            System.arraycopy(encoded, m * DIMENSION, v, 0, DIMENSION);
            cache.put(misses.get(m), v);
        }
        for (int i = 0; i < texts.size(); i++) {
            if (source[i] >= 0) {
                System.arraycopy(encoded, source[i] * DIMENSION, out, i * DIMENSION, DIMENSION);
            }
        }
    }

    /**
     * The reference path: langchain4j's encoder, one text per ONNX run, no cache, same model variant.
     * For tests and baseline measurements only.
     */
    float[] encodeOneByOne(VideoText text) {
        return referenceModel().embedAll(List.of(TextSegment.from(text.asText()))).content().getFirst().vector();
    }

    /** Reference path for a list (langchain4j's executor split, one run per text). */
    void encodeOneByOneInto(List<VideoText> texts, float[] out) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.asText())).toList();
        List<Embedding> e = referenceModel().embedAll(segments).content();
        for (int i = 0; i < e.size(); i++) {
            System.arraycopy(e.get(i).vector(), 0, out, i * DIMENSION, DIMENSION);
        }
    }

    private MiniLmModel referenceModel() {
        MiniLmModel model = oneByOne;
        if (model == null) {
            synchronized (this) {
                if (oneByOne == null) {
                    oneByOne = new MiniLmModel(executor, session);
                }
                model = oneByOne;
            }
        }
        return model;
    }

    public long cacheHits() {
        return cache.hits();
    }

    public long cacheMisses() {
        return cache.misses();
    }
}
