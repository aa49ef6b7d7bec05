package dev.marquee.training.registry;

import java.util.regex.Pattern;

/**
 * What an artifact file must hash to, plus its length so a truncated file is reported as truncated rather
 * than only as a hash mismatch.
 *
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param bytes  file length
 */
public record ArtifactChecksum(String sha256, long bytes) {
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public ArtifactChecksum {
        if (sha256 == null || !HEX_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("artifact length must be >= 0, got " + bytes);
        }
    }
}
