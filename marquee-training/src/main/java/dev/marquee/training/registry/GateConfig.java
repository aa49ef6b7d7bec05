package dev.marquee.training.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The metrics one kind's promotion gate checks. Metrics differ per kind (recall for two-tower, AUC and
 * logloss for the ranker), so serving builds one gate per kind. Every listed metric must be present in a
 * candidate's manifest.
 */
public record GateConfig(List<MetricRule> rules) {
    public GateConfig {
        Objects.requireNonNull(rules, "rules");
        rules = List.copyOf(rules);
        var names = new HashSet<String>();
        for (MetricRule rule : rules) {
            if (!names.add(rule.metric())) {
                throw new IllegalArgumentException("gate config lists metric " + rule.metric() + " twice");
            }
        }
    }

    public static GateConfig of(MetricRule... rules) {
        return new GateConfig(List.of(rules));
    }
}
