package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantAssignerTest {
    private static final int USERS = 100_000;
    private final VariantAssigner assigner = new VariantAssigner();

    private static Experiment experiment(String name, double... shares) {
        List<Variant> vs = new java.util.ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            vs.add(new Variant("v" + i, shares[i], VariantOverrides.NONE));
        }
        return new Experiment(name, false, vs);
    }

    @Test
    void assign_isStableForTheSameUser() {
        Experiment e = experiment("stable", 0.3, 0.3);
        for (int u = 0; u < 1000; u++) {
            Variant first = assigner.assign(e, "u" + u);
            assertThat(new VariantAssigner().assign(e, "u" + u)).isEqualTo(first);
        }
    }

    @Test
    void assign_respectsSharesWithinTolerance_on100kUsers() {
        Experiment e = experiment("shares", 0.5, 0.3, 0.1);
        Map<String, Integer> counts = new HashMap<>();
        for (int u = 0; u < USERS; u++) {
            Variant v = assigner.assign(e, "user-" + u);
            counts.merge(v == null ? "none" : v.name(), 1, Integer::sum);
        }
        // 4 standard errors of a binomial share at n = 100k is at most 0.0064
        assertThat(counts.get("v0") / (double) USERS).isCloseTo(0.5, within(0.0064));
        assertThat(counts.get("v1") / (double) USERS).isCloseTo(0.3, within(0.0064));
        assertThat(counts.get("v2") / (double) USERS).isCloseTo(0.1, within(0.0064));
        assertThat(counts.get("none") / (double) USERS).isCloseTo(0.1, within(0.0064));
    }

    @Test
    void assign_isIndependentAcrossExperiments() {
        Experiment a = experiment("alpha", 0.5, 0.5), b = experiment("beta", 0.5, 0.5);
        int[][] joint = new int[2][2];
        for (int u = 0; u < USERS; u++) {
            String id = "user-" + u;
            joint[assigner.assign(a, id).name().equals("v0") ? 0 : 1][assigner.assign(b, id).name().equals("v0") ? 0 : 1]++;
        }
        for (int[] row : joint) {
            for (int cell : row) {
                assertThat(cell / (double) USERS).isCloseTo(0.25, within(0.006));
            }
        }
    }

    @Test
    void bucket_dependsOnTheExperimentName() {
        int same = 0;
        for (int u = 0; u < 10_000; u++) {
            same += VariantAssigner.bucket("x", "u" + u) == VariantAssigner.bucket("y", "u" + u) ? 1 : 0;
        }
        assertThat(same).isLessThan(20);
    }
}
