package dev.marquee.training.registry;

import dev.marquee.core.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned, checksummed model storage over a directory ({@code <root>/<kind>/<version>/} plus
 * {@code <root>/<kind>/current.json}); the same layout works on a shared filesystem. Registering and
 * status changes are crash-atomic; promote, rollback and prune hold a per-kind lock so a CLI and a server
 * can share the root. Loading and promoting verify every artifact's SHA-256 first.
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private final Path root;
    private final Clock clock;
    private final RetentionPolicy retention;
    private final VersionStore store;
    private final PointerMoves moves;

    public ModelRegistry(Path root, Clock clock, RetentionPolicy retention) {
        this.root = Objects.requireNonNull(root, "root");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.store = new VersionStore(root);
        this.moves = new PointerMoves(store);
    }

    public ModelRegistry(Path root, Clock clock) {
        this(root, clock, RetentionPolicy.DEFAULT);
    }

    public Path root() {
        return root;
    }

    /**
     * Copies the files under {@code artifactsDir} into a new candidate version (the source is left alone),
     * then applies retention (a retention failure is logged, not thrown). Returns the manifest with the assigned version and checksums.
     */
    public VersionManifest register(String kind, Path artifactsDir, ManifestDraft draft) throws IOException {
        Objects.requireNonNull(draft, "draft");
        var manifest = store.register(kind, artifactsDir, draft, Instant.ofEpochMilli(clock.millis()));
        try {
            prune(kind);
        } catch (IOException e) {
            LOG.warn("model registry: registered {}/{} but retention failed: {}", kind, manifest.version(), e.toString());
        }
        return manifest;
    }

    /** Complete versions of a kind, oldest first; empty when the kind has none. */
    public List<VersionManifest> list(String kind) throws IOException {
        return store.list(kind);
    }

    /** Kinds that have a directory under the root, sorted. */
    public List<String> kinds() throws IOException {
        return store.kinds();
    }

    public VersionManifest manifest(String kind, String version) throws IOException {
        return store.read(kind, version);
    }

    /** Verifies every artifact against the manifest; throws {@link CorruptArtifactException} naming the bad file. */
    public LoadedVersion load(String kind, String version) throws IOException {
        VersionManifest manifest = store.read(kind, version);
        Path dir = store.versionDir(kind, version);
        ArtifactFiles.verify(manifest, dir);
        return new LoadedVersion(manifest, dir);
    }

    /** The version serving should run, if any was promoted. */
    public Optional<String> current(String kind) throws IOException {
        return pointer(kind).map(PromotionPointer::current);
    }

    /** The kind's promotion pointer (current plus rollback history), if anything was promoted. */
    public Optional<PromotionPointer> pointer(String kind) throws IOException {
        return PointerFile.read(store.kindDir(kind));
    }

    /** Operator promotion: verifies the artifacts, then makes the version current (a no-op if it already is). */
    public VersionManifest promote(String kind, String version) throws IOException {
        return promote(kind, version, "promoted by operator");
    }

    /** Makes a verified version current; the previous current becomes retired and heads the rollback history. */
    public VersionManifest promote(String kind, String version, String reason) throws IOException {
        return moves.promote(kind, version, reason);
    }

    /** Marks a version rejected with a reason; it stays on disk for inspection. */
    public VersionManifest reject(String kind, String version, String reason) throws IOException {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        return KindLock.withLock(store.kindDir(kind), () -> store.updateStatus(kind, version, ModelStatus.REJECTED, reason));
    }

    /**
     * Makes the previously promoted version current again after verifying it; the version rolled back from is
     * marked rejected and leaves the history. Fails if there is nothing to roll back to.
     */
    public VersionManifest rollback(String kind) throws IOException {
        return moves.rollback(kind);
    }

    /**
     * Applies the retention policy: deletes old versions (never the current or previous promoted one), drops
     * deleted versions from the rollback history, and removes stale temp directories. Returns deleted versions.
     */
    public List<String> prune(String kind) throws IOException {
        return KindLock.withLock(store.kindDir(kind), () -> {
            Optional<PromotionPointer> pointer = pointer(kind);
            Set<String> doomed = retention.versionsToDelete(store.list(kind), pointer);
            for (String version : doomed) {
                store.delete(kind, version);
            }
            if (pointer.isPresent() && pointer.get().history().stream().anyMatch(doomed::contains)) {
                var kept = new ArrayList<>(pointer.get().history());
                kept.removeAll(doomed);
                PointerFile.write(store.kindDir(kind), new PromotionPointer(kind, pointer.get().current(), kept));
            }
            long cutoff = clock.millis() - retention.staleTempAge().toMillis();
            for (Path temp : store.tempDirs(kind)) {
                if (Files.getLastModifiedTime(temp).toMillis() < cutoff) {
                    DurableFiles.deleteTree(temp);
                }
            }
            return List.copyOf(doomed);
        });
    }

    /** Runs {@code action} holding the kind's lock (re-entrant for registry calls made inside it). */
    <T> T locked(String kind, KindLock.Action<T> action) throws IOException {
        return KindLock.withLock(store.kindDir(kind), action);
    }
}
