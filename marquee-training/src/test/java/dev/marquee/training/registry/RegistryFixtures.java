package dev.marquee.training.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Trainer-output directories and drafts for registry tests. */
final class RegistryFixtures {
    static final String SCHEMA = "schema-abc123";

    private RegistryFixtures() {
    }

    /** A trainer output with a top-level params file, a config and a nested file; {@code seed} varies contents. */
    static Path trainerOutput(Path parent, int seed) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("out-" + seed + "-" + System.nanoTime()));
        byte[] params = new byte[4096 + seed];
        for (int i = 0; i < params.length; i++) {
            params[i] = (byte) (i * 31 + seed);
        }
        Files.write(dir.resolve("model.params"), params);
        Files.writeString(dir.resolve("model.json"), "{\"dim\":" + (32 + seed) + "}");
        Files.createDirectories(dir.resolve("embeddings"));
        Files.writeString(dir.resolve("embeddings/items.txt"), "item-" + seed);
        return dir;
    }

    static ManifestDraft draft(Map<String, Double> metrics) {
        return draft(SCHEMA, metrics, null);
    }

    static ManifestDraft draft(String schema, Map<String, Double> metrics, String parent) {
        return new ManifestDraft(new TrainingDataRange(0, 1_000, 0, 5_000), schema, metrics, parent);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
