package dev.marquee.training.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version directories of a registry root. A version is built in a hidden temp directory beside its final
 * place, fsynced, then renamed to {@code <kind>/<version>}; the rename is the commit point, and a rename that
 * collides with a concurrent writer's version just retries with the next number. Listing considers only
 * directories named like a version that hold a manifest, so leftovers of a crash stay invisible.
 */
final class VersionStore {
    private static final Logger LOG = LoggerFactory.getLogger(VersionStore.class);
    private static final int MAX_NAME_ATTEMPTS = 100;
    private final Path root;

    VersionStore(Path root) {
        this.root = root;
    }

    Path kindDir(String kind) {
        return root.resolve(RegistryNames.checkKind(kind));
    }

    Path versionDir(String kind, String version) {
        return kindDir(kind).resolve(RegistryNames.checkVersion(version));
    }

    VersionManifest register(String kind, Path artifacts, ManifestDraft draft, Instant now) throws IOException {
        Path kindDir = Files.createDirectories(kindDir(kind));
        Path temp = DurableFiles.createTempDirectory(kindDir);
        try {
            var sums = ArtifactFiles.copyHashed(artifacts, temp);
            for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
                String version = RegistryNames.version(lastSequence(kindDir) + 1);
                var manifest = new VersionManifest(kind, version, now, draft.trainingData(), draft.featureSchemaHash(),
                        draft.holdoutMetrics(), draft.parentVersion(), sums, ModelStatus.CANDIDATE, null);
                DurableFiles.writeAtomically(temp.resolve(RegistryNames.MANIFEST), bytes(manifest));
                DurableFiles.syncDirectory(temp);
                Path target = kindDir.resolve(version);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException collision) {
                    if (Files.exists(target)) {
                        continue; // another writer took this number first
                    }
                    throw collision;
                }
                DurableFiles.syncDirectory(kindDir);
                return manifest;
            }
            throw new IOException("could not allocate a version name under " + kindDir + " after "
                    + MAX_NAME_ATTEMPTS + " attempts");
        } finally {
            DurableFiles.deleteTree(temp);
        }
    }

    /** Complete versions of a kind sorted by version; unreadable manifests are logged and skipped. */
    List<VersionManifest> list(String kind) throws IOException {
        List<VersionManifest> out = new ArrayList<>();
        for (Path dir : versionDirs(kindDir(kind))) {
            if (!Files.isRegularFile(dir.resolve(RegistryNames.MANIFEST))) {
                continue;
            }
            try {
                out.add(read(kind, dir.getFileName().toString()));
            } catch (IllegalArgumentException | IOException e) {
                LOG.warn("model registry: skipping {}: {}", dir, e.getMessage());
            }
        }
        out.sort(Comparator.comparingLong(VersionManifest::sequence));
        return out;
    }

    VersionManifest read(String kind, String version) throws IOException {
        Path file = versionDir(kind, version).resolve(RegistryNames.MANIFEST);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null,
                    "no registered version " + kind + "/" + version + " under " + root);
        }
        VersionManifest manifest;
        try {
            manifest = VersionManifest.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IOException("unreadable manifest " + file + ": " + e.getMessage(), e);
        }
        if (!manifest.kind().equals(kind) || !manifest.version().equals(version)) {
            throw new IOException("manifest " + file + " describes " + manifest.kind() + "/" + manifest.version()
                    + ", not the directory it is in");
        }
        return manifest;
    }

    VersionManifest updateStatus(String kind, String version, ModelStatus status, String reason) throws IOException {
        var updated = read(kind, version).withStatus(status, reason);
        DurableFiles.writeAtomically(versionDir(kind, version).resolve(RegistryNames.MANIFEST), bytes(updated));
        return updated;
    }

    /** Hides the version with one rename, then deletes its files. */
    void delete(String kind, String version) throws IOException {
        Path trash = kindDir(kind).resolve(DurableFiles.TEMP_PREFIX + "deleted-" + version + "-" + java.util.UUID.randomUUID());
        Files.move(versionDir(kind, version), trash, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.syncDirectory(kindDir(kind));
        DurableFiles.deleteTree(trash);
    }

    /** Hidden temp directories left by crashed writers (or by writers still running). */
    List<Path> tempDirs(String kind) throws IOException {
        Path kindDir = kindDir(kind);
        if (!Files.isDirectory(kindDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(kindDir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(DurableFiles.TEMP_PREFIX))
                    .filter(Files::isDirectory).toList();
        }
    }

    List<String> kinds() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(RegistryNames::isKind).sorted().toList();
        }
    }

    private long lastSequence(Path kindDir) throws IOException {
        return versionDirs(kindDir).stream()
                .mapToLong(p -> RegistryNames.sequence(p.getFileName().toString())).max().orElse(0);
    }

    private static List<Path> versionDirs(Path kindDir) throws IOException {
        if (!Files.isDirectory(kindDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(kindDir)) {
            return entries.filter(p -> RegistryNames.isVersion(p.getFileName().toString()))
                    .filter(Files::isDirectory).toList();
        }
    }

    private static byte[] bytes(VersionManifest manifest) {
        return manifest.toJson().getBytes(StandardCharsets.UTF_8);
    }
}
