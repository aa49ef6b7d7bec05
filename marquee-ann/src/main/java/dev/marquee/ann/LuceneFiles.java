package dev.marquee.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of temporary index folders once no search can still map their files. */
final class LuceneFiles {

  private LuceneFiles() {}

  static void deleteRecursively(Path path) {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete index folder " + path, e);
    }
  }

  /** For cleanup after a failure that is already being reported. */
  static void deleteQuietly(Path path) {
    try {
      deleteRecursively(path);
    } catch (UncheckedIOException ignored) {
      // the original failure is the one worth reporting
    }
  }
}
