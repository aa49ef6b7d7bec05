package dev.marquee.training.registry;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How much history a kind keeps: the newest {@code keepLast} versions plus the current and the previously
 * promoted one (so a rollback always has a target), whatever their age. Hidden temp directories older than
 * {@code staleTempAge} are leftovers of crashed writers and are removed too; younger ones may belong to a
 * registration still in progress.
 */
public record RetentionPolicy(int keepLast, Duration staleTempAge) {
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(10, Duration.ofHours(1));

    public RetentionPolicy {
        if (keepLast < 1) {
            throw new IllegalArgumentException("keepLast must be >= 1, got " + keepLast);
        }
        Objects.requireNonNull(staleTempAge, "staleTempAge");
        if (staleTempAge.isNegative()) {
            throw new IllegalArgumentException("staleTempAge must be >= 0, got " + staleTempAge);
        }
    }

    /** Versions to delete, given all versions of a kind sorted oldest first and its pointer, if any. */
    public Set<String> versionsToDelete(List<VersionManifest> sortedVersions, Optional<PromotionPointer> pointer) {
        Set<String> keep = new HashSet<>();
        pointer.ifPresent(p -> {
            keep.add(p.current());
            p.previous().ifPresent(keep::add);
        });
        int firstKept = Math.max(0, sortedVersions.size() - keepLast);
        Set<String> doomed = new LinkedHashSet<>();
        for (int i = 0; i < firstKept; i++) {
            String version = sortedVersions.get(i).version();
            if (!keep.contains(version)) {
                doomed.add(version);
            }
        }
        return doomed;
    }
}
