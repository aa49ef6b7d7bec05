package dev.marquee.server.simulate;

import dev.marquee.feed.rerank.ExplorationMode;
import dev.marquee.feed.rerank.RerankConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The policies {@code marquee simulate} compares; the pipeline variants each switch one part off. */
public enum SimulatedPolicy {
    /** The real pipeline as served, real-time features on. */
    FULL("full", true),
    /** The most-popular chart (decayed engagement rate, refreshed hourly), warmed with the history. */
    POPULAR("popular", false),
    /** The pipeline with user and video engagement features frozen at the start; only uploads and sign-ups apply. */
    NO_REALTIME("no-realtime", true),
    /** The pipeline without exploration slots. */
    NO_EXPLORE("no-explore", true),
    /** The pipeline without creator and category diversity rules. */
    NO_DIVERSITY("no-diversity", true),
    /** Knows the true affinities (upper reference). */
    ORACLE("oracle", false);

    private final String cliName;
    private final boolean pipeline;

    SimulatedPolicy(String cliName, boolean pipeline) {
        this.cliName = cliName;
        this.pipeline = pipeline;
    }

    public String cliName() {
        return cliName;
    }

    /** Whether this policy runs the real pipeline (and so needs models, indexes and a feature store). */
    public boolean usesPipeline() {
        return pipeline;
    }

    /** Whether simulated interactions reach the feature store during the run. */
    public boolean realtimeFeatures() {
        return this != NO_REALTIME;
    }

    /** The re-rank settings of a pipeline policy. */
    public RerankConfig rerank() {
        RerankConfig d = RerankConfig.defaults();
        return switch (this) {
            case NO_EXPLORE -> d.withExploration(0.0, ExplorationMode.THOMPSON);
            case NO_DIVERSITY -> d.withDiversity(100, 100, 100, 100);
            default -> d;
        };
    }

    /** Parses a comma-separated list ("full,popular"), keeping order and dropping repeats. */
    public static List<SimulatedPolicy> parseList(String csv) {
        LinkedHashSet<SimulatedPolicy> out = new LinkedHashSet<>();
        for (String raw : csv.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            SimulatedPolicy match = null;
            for (SimulatedPolicy p : values()) {
                if (p.cliName.equals(name)) {
                    match = p;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown policy '" + raw + "'; expected a comma-separated list of "
                        + String.join("|", names()));
            }
            out.add(match);
        }
        return new ArrayList<>(out);
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SimulatedPolicy p : values()) {
            names.add(p.cliName);
        }
        return names;
    }
}
