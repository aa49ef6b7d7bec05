package dev.marquee.models.text;

import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * langchain4j's own one-text-per-run MiniLM encoder (mean pooling, L2-normalised) on our shared
 * session: the reference that {@link MiniLmBatchEncoder} is tested against and the baseline its
 * throughput is measured against. Not used on the serving path.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    MiniLmModel(Executor executor, MiniLmSession session) {
        super(executor);
        try (InputStream tokenizer = MiniLmSession.resource(session.variant.tokenizerResource())) {
            this.encoder = new OnnxBertBiEncoder(session.environment, session.session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM tokenizer from the langchain4j jar", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return TextEncoder.DIMENSION;
    }
}
