package dev.marquee.training.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A version whose artifacts were just verified against their checksums; hand {@link #artifact} paths to the
 * model loaders. Versions are immutable, so the files stay valid until retention deletes the version, which
 * it never does to the current or previous promoted one.
 *
 * @param manifest  the version's manifest
 * @param directory the version directory holding the artifacts
 */
public record LoadedVersion(VersionManifest manifest, Path directory) {
    public LoadedVersion {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(directory, "directory");
    }

    /** Path of a listed artifact ('/'-separated relative name); unknown names fail listing the known ones. */
    public Path artifact(String relativeName) {
        if (!manifest.artifacts().containsKey(relativeName)) {
            throw new IllegalArgumentException("model " + manifest.kind() + "/" + manifest.version()
                    + " has no artifact '" + relativeName + "'; it has " + manifest.artifacts().keySet());
        }
        return directory.resolve(relativeName);
    }
}
