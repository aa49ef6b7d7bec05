package dev.marquee.training.registry;

import java.util.regex.Pattern;

/**
 * Names that become path segments: kinds are lower-case slugs and versions are {@code v} plus a zero-padded
 * sequence number, so neither can escape the registry root and versions sort by their number.
 */
final class RegistryNames {
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("v(\\d{6,18})");
    static final String MANIFEST = "manifest.json";

    private RegistryNames() {
    }

    static String checkKind(String kind) {
        if (!isKind(kind)) {
            throw new IllegalArgumentException("model kind '" + kind
                    + "' must be a lower-case slug like two-tower, ranker or ranker-student");
        }
        return kind;
    }

    static String checkVersion(String version) {
        if (!isVersion(version)) {
            throw new IllegalArgumentException("model version '" + version + "' must look like v000012");
        }
        return version;
    }

    static boolean isKind(String name) {
        return name != null && KIND.matcher(name).matches();
    }

    static boolean isVersion(String name) {
        return name != null && VERSION.matcher(name).matches();
    }

    /** The sequence number of a version name; callers check {@link #isVersion} first. */
    static long sequence(String version) {
        return Long.parseLong(version.substring(1));
    }

    static String version(long sequence) {
        return "v%06d".formatted(sequence);
    }
}
