package dev.marquee.feed.rerank;

import dev.marquee.core.IdDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a {@link BlockList} in sync with a text file: {@link #reloadIfChanged()} (call it from a scheduled
 * task or an admin endpoint, never per request) re-reads the file when its modification time or size
 * changed. Format, one entry per line: {@code video <videoId>} or {@code creator <creatorId>}; blank lines
 * and lines starting with {@code #} are ignored. A malformed file throws and leaves the current list in
 * place. Two edits within one mtime tick that keep the size are seen on the next change only.
 */
public final class BlockListFile {
    private final Path path;
    private final BlockList target;
    private final IdDictionary videos;
    private final IdDictionary creators;
    private FileTime loadedMtime;
    private long loadedSize = -1;

    public BlockListFile(Path path, BlockList target, IdDictionary videos, IdDictionary creators) {
        this.path = Objects.requireNonNull(path, "path");
        this.target = Objects.requireNonNull(target, "target");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.creators = Objects.requireNonNull(creators, "creators");
    }

    /** Loads the file if it changed since the last load; returns whether the block list was replaced. */
    public synchronized boolean reloadIfChanged() {
        try {
            FileTime mtime = Files.getLastModifiedTime(path);
            long size = Files.size(path);
            if (mtime.equals(loadedMtime) && size == loadedSize) {
                return false;
            }
            target.replace(parse(Files.readAllLines(path, StandardCharsets.UTF_8)));
            loadedMtime = mtime;
            loadedSize = size;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read block list " + path + ": " + e.getMessage(), e);
        }
    }

    private BlockedIds parse(List<String> lines) {
        List<String> videoIds = new ArrayList<>();
        List<String> creatorIds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !(parts[0].equals("video") || parts[0].equals("creator"))) {
                throw new IllegalArgumentException(path + ":" + (i + 1)
                        + ": expected 'video <id>' or 'creator <id>', got '" + line + "'");
            }
            (parts[0].equals("video") ? videoIds : creatorIds).add(parts[1]);
        }
        return BlockedIds.resolve(videoIds, creatorIds, videos, creators);
    }
}
