package dev.marquee.training.registry;

import java.io.IOException;

/**
 * A registered version whose files no longer match its manifest (missing, truncated or altered). Serving
 * must not load it; the message names the version and the file.
 */
public final class CorruptArtifactException extends IOException {
    private final String kind;
    private final String version;
    private final String artifact;

    public CorruptArtifactException(String kind, String version, String artifact, String problem) {
        super("model " + kind + "/" + version + " is corrupt: artifact '" + artifact + "' " + problem);
        this.kind = kind;
        this.version = version;
        this.artifact = artifact;
    }

    public String kind() {
        return kind;
    }

    public String version() {
        return version;
    }

    /** Relative path of the offending file inside the version directory. */
    public String artifact() {
        return artifact;
    }
}
