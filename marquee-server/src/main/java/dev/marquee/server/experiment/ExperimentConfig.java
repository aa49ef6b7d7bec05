package dev.marquee.server.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Every declared experiment (possibly none). Experiments form one layer: a user is served by the first
 * experiment (in declaration order) whose hash puts them in a variant. Assignments of different experiments are
 * independent hashes, so each experiment's variants still split a random population.
 */
public record ExperimentConfig(List<Experiment> experiments) {
    public ExperimentConfig {
        experiments = List.copyOf(experiments);
        var names = new HashSet<String>();
        for (Experiment e : experiments) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("duplicate experiment name " + e.name());
            }
        }
    }

    public static ExperimentConfig none() {
        return new ExperimentConfig(List.of());
    }

    public Optional<Experiment> find(String name) {
        return experiments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
