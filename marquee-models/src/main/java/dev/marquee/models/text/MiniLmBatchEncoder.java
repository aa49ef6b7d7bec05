package dev.marquee.models.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Sentence-BERT encoding (Reimers &amp; Gurevych 2019: mean of the token states under the attention
 * mask, then L2 normalisation) run as padded batches, the way sentence-transformers batches: texts are
 * tokenized once, sorted by token count so each ONNX run pads little, cut into runs of at most
 * {@code maxBatch} texts and {@code maxTokens} padded positions, and the runs are shared between the
 * calling thread and the executor ({@link SharedChunks}). Equal to the one-text path within float and
 * dynamic-quantization rounding (cosine ≥ 1 − 1e-4, tested). Thread-safe.
 */
final class MiniLmBatchEncoder {
    private static final int DIM = TextEncoder.DIMENSION;

    private final MiniLmSession model;
    private final int maxBatch;
    private final int maxTokens;

    MiniLmBatchEncoder(MiniLmSession model, int maxBatch, int maxTokens) {
        if (maxBatch < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("maxBatch and maxTokens must be >= 1, got " + maxBatch + ", " + maxTokens);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxTokens = maxTokens;
    }

    /** Writes the unit vectors of {@code texts}, in order, row-major into {@code out}. */
    void encode(List<String> texts, float[] out, Executor executor, int parallelism) {
        int n = texts.size();
        Encoding[] encodings = model.tokenizer.batchEncode(texts);
        long[] byLength = new long[n]; // (token count << 32 | index): sorts by length, then input order
        for (int i = 0; i < n; i++) {
            byLength[i] = (long) encodings[i].getIds().length << 32 | i;
        }
        Arrays.sort(byLength);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) byLength[i];
        }
        int[] starts = chunkStarts(encodings, order);
        SharedChunks.run(starts.length - 1, executor, parallelism,
                chunk -> runChunk(encodings, order, starts[chunk], starts[chunk + 1], out));
    }

    /** Chunk boundaries over the sorted order: each chunk ends before it would exceed either budget. */
    private int[] chunkStarts(Encoding[] encodings, int[] order) {
        int[] starts = new int[order.length + 1];
        int count = 0, from = 0;
        starts[count++] = 0;
        for (int i = 0; i < order.length; i++) {
            int size = i - from + 1;
            int padded = size * encodings[order[i]].getIds().length;
            if (size > maxBatch || (size > 1 && padded > maxTokens)) {
                starts[count++] = i;
                from = i;
            }
        }
        starts[count++] = order.length;
        return Arrays.copyOf(starts, count);
    }

    private void runChunk(Encoding[] encodings, int[] order, int from, int to, float[] out) {
        int batch = to - from;
        int len = encodings[order[to - 1]].getIds().length;
        long[] ids = new long[batch * len], mask = new long[batch * len], types = new long[batch * len];
        for (int b = 0; b < batch; b++) {
            Encoding e = encodings[order[from + b]];
            long[] id = e.getIds();
            System.arraycopy(id, 0, ids, b * len, id.length);
            System.arraycopy(e.getAttentionMask(), 0, mask, b * len, id.length);
            System.arraycopy(e.getTypeIds(), 0, types, b * len, id.length);
        }
        long[] shape = {batch, len};
        try (OnnxTensor idT = OnnxTensor.createTensor(model.environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(model.environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeT = OnnxTensor.createTensor(model.environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = model.wantsTokenTypes
                    ? Map.of("input_ids", idT, "attention_mask", maskT, "token_type_ids", typeT)
                    : Map.of("input_ids", idT, "attention_mask", maskT);
            try (OrtSession.Result result = model.session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int b = 0; b < batch; b++) {
                    int row = order[from + b];
                    meanPoolNormalized(hidden, b * len * DIM, mask, b * len, len, out, row * DIM);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + batch + " texts of " + len + " tokens", e);
        }
    }

    /** Mean of the masked token states of one text, scaled to unit length, into {@code out[o..o+384)}. */
    static void meanPoolNormalized(FloatBuffer hidden, int h, long[] mask, int m, int len, float[] out, int o) {
        Arrays.fill(out, o, o + DIM, 0f);
        int tokens = 0;
        for (int t = 0; t < len; t++) {
            if (mask[m + t] != 0) {
                tokens++;
                int base = h + t * DIM;
                for (int d = 0; d < DIM; d++) {
                    out[o + d] += hidden.get(base + d);
                }
            }
        }
        double sum = 0;
        for (int d = 0; d < DIM; d++) {
            out[o + d] /= tokens;
            sum += (double) out[o + d] * out[o + d];
        }
        float inv = (float) (1 / Math.sqrt(Math.max(sum, 1e-24)));
        for (int d = 0; d < DIM; d++) {
            out[o + d] *= inv;
        }
    }
}
