package dev.marquee.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The serialized state of a store, for byte-for-byte equality between stores. */
final class SnapshotBytes {
    private SnapshotBytes() {
    }

    static byte[] of(InMemoryFeatureStore store) {
        try {
            Path f = Files.createTempFile("features", ".snap");
            try {
                FeatureSnapshot.write(store, f);
                return Files.readAllBytes(f);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
