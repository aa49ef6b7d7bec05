package dev.marquee.training.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and atomically replaces {@code <kind>/current.json}, the one file that says what serves. */
final class PointerFile {
    static final String NAME = "current.json";

    private PointerFile() {
    }

    static Optional<PromotionPointer> read(Path kindDir) throws IOException {
        Path file = kindDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PromotionPointer.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IOException("unreadable promotion pointer " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path kindDir, PromotionPointer pointer) throws IOException {
        DurableFiles.writeAtomically(kindDir.resolve(NAME), pointer.toJson().getBytes(StandardCharsets.UTF_8));
    }
}
