package dev.marquee.server.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named experiment: variants with traffic shares (summing to at most 1; the rest of the users are outside
 * the experiment), the first variant being the control. {@code interleaving} experiments compare exactly two
 * variants' rankings on the same page (team draft) instead of splitting users.
 */
public record Experiment(String name, boolean interleaving, List<Variant> variants) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Experiment {
        requireName(name, "experiment name");
        variants = List.copyOf(variants);
        if (variants.size() < 2) {
            throw new IllegalArgumentException("experiment " + name + " needs at least 2 variants, got " + variants.size());
        }
        if (interleaving && variants.size() != 2) {
            throw new IllegalArgumentException("interleaving experiment " + name + " needs exactly 2 variants, got "
                    + variants.size());
        }
        double sum = 0;
        var names = new HashSet<String>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("experiment " + name + ": duplicate variant " + v.name());
            }
            sum += v.share();
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("experiment " + name + ": variant shares sum to " + sum + " > 1");
        }
    }

    public Variant control() {
        return variants.getFirst();
    }

    /** The label recorded on served impressions: {@code "experiment:variant"}. */
    public String label(Variant v) {
        return name + ":" + v.name();
    }

    public Variant variant(String variantName) {
        for (Variant v : variants) {
            if (v.name().equals(variantName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("experiment " + name + " has no variant '" + variantName + "'");
    }

    static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match [A-Za-z0-9_-]{1,64}, got '" + name + "'");
        }
    }
}
