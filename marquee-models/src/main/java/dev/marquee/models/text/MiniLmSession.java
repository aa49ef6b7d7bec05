package dev.marquee.models.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An all-MiniLM-L6-v2 export and its WordPiece tokenizer, read from a langchain4j jar (no download), with one ONNX Runtime session shared by the batched
 * path and the one-text reference path. {@link OrtSession#run} is thread-safe, so is this.
 */
final class MiniLmSession {
    final MiniLmVariant variant;
    final OrtEnvironment environment;
    final OrtSession session;
    /** The tokenizer as langchain4j configures it: no padding, truncation at the json's 128 tokens. */
    final HuggingFaceTokenizer tokenizer;
    final boolean wantsTokenTypes;

    /**
     * @param intraOpThreads ONNX Runtime threads one {@code run} may use; 1 computes on the calling
     *                       thread, so callers parallelise across batches instead
     */
    MiniLmSession(MiniLmVariant variant, int intraOpThreads) {
        this.variant = variant;
        java.util.Objects.requireNonNull(variant, "variant");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be >= 1, got " + intraOpThreads);
        }
        try (InputStream model = resource(variant.modelResource());
             InputStream tokens = resource(variant.tokenizerResource())) {
            this.environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(model.readAllBytes(), options);
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokens, Map.of("padding", "false"));
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model " + variant + " from its langchain4j jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model", e);
        }
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = AbstractInProcessEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (is the langchain4j-embeddings-"
                    + name.replace(".onnx", "").replace("-tokenizer.json", "") + " jar missing?)");
        }
        return in;
    }
}
