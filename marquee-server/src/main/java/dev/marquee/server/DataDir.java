package dev.marquee.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The on-disk layout of a Marquee data directory. The event log is the source of truth; everything
 * else under it (feature snapshots, models, indexes) can be rebuilt from the log.
 */
public record DataDir(Path root) {
    public Path events() {
        return root.resolve("events");
    }

    public Path impressions() {
        return root.resolve("impressions");
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path snapshots() {
        return root.resolve("snapshots");
    }

    /** Parquet snapshots of the datasets each training run used (see docs/datasets.md). */
    public Path datasets() {
        return root.resolve("datasets");
    }

    public Path worldConfig() {
        return root.resolve("world.properties");
    }

    public Path apiToken() {
        return root.resolve("api-token");
    }

    /** True when the directory holds an event log with at least one segment. */
    public boolean hasEvents() {
        if (!Files.isDirectory(events())) {
            return false;
        }
        try (var files = Files.list(events())) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataDir create() {
        try {
            Files.createDirectories(root);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }
}
