package dev.marquee.training.twotower;

import dev.marquee.feed.hydration.HistoryWeighting;
import dev.marquee.models.text.TextEncoder;
import dev.marquee.models.twotower.TwoTowerShape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The feature schema hash of a two-tower model: what the model's inputs mean (shape, history weighting, text
 * encoder and its width, the encoding version of {@code UserTowerInputs}/{@code ItemTowerInputs}). Serving
 * computes it from its own configuration and the promotion gate refuses a model whose hash differs.
 */
public final class TwoTowerSchema {
    /** Bump when UserTowerInputs or ItemTowerInputs change how they encode features. */
    static final String ENCODING = "two-tower-inputs/v1";

    private TwoTowerSchema() {
    }

    public static String hash(TwoTowerShape shape, HistoryWeighting weighting) {
        String canonical = ENCODING + "|" + shape + "|" + weighting + "|all-minilm-l6-v2-q/" + TextEncoder.DIMENSION;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "tt-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
