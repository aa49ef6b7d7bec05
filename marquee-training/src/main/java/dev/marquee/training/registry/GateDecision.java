package dev.marquee.training.registry;

import java.util.List;

/**
 * The outcome of one gate review. {@code findings} explains every check (passed ones too) so logs show why
 * a model went live; for a rejection, {@link #reason()} is what the manifest records.
 *
 * @param kind     model kind
 * @param version  reviewed version
 * @param baseline the version it was compared with, or null for the first promotion
 * @param promoted whether the candidate is now current
 * @param findings one line per check, failures first
 */
public record GateDecision(String kind, String version, String baseline, boolean promoted, List<String> findings) {
    public GateDecision {
        findings = List.copyOf(findings);
    }

    /** The findings joined into one line. */
    public String reason() {
        return String.join("; ", findings);
    }
}
