package dev.marquee.training.registry;

import java.util.Locale;

/**
 * Lifecycle of a registered version. The {@code current.json} pointer, not this status, decides what serves;
 * the status records how a version got where it is (with a reason in the manifest for the last two).
 */
public enum ModelStatus {
    /** Registered, not yet reviewed. */
    CANDIDATE,
    /** Passed the gate or was promoted by an operator; it is, or was most recently, the serving version. */
    PROMOTED,
    /** Failed the gate or was rolled back; kept for inspection, never promoted automatically. */
    REJECTED,
    /** Was promoted, then superseded by a newer promotion. */
    RETIRED;

    /** The lower-case label used in JSON and CLI output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #label()}; unknown labels fail with the accepted values. */
    public static ModelStatus fromLabel(String label) {
        for (ModelStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown model status '" + label
                + "' (expected candidate, promoted, rejected or retired)");
    }
}
