package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    @Test
    void wilson_matchesTheTextbookValue() {
        Estimate e = Intervals.wilson(10, 100); // Wilson 95%: [0.0552, 0.1744]
        assertThat(e.low()).isCloseTo(0.0552, within(5e-4));
        assertThat(e.high()).isCloseTo(0.1744, within(5e-4));
        assertThat(Intervals.wilson(0, 50).low()).isZero();
    }

    @Test
    void signTest_exactAndNormalAgree() {
        assertThat(Intervals.signTestP(5, 10)).isEqualTo(1.0);
        assertThat(Intervals.signTestP(0, 10)).isCloseTo(2 / 1024.0, within(1e-12));
        assertThat(Intervals.signTestP(530, 1000)).isCloseTo(0.0612, within(0.003));
        assertThat(Intervals.signTestP(550, 1000)).isLessThan(0.002);
    }

    @Test
    void offPolicy_ipsAndSnipsRecoverAUniformLoggersTargetValue() {
        // logging: uniform over 4 actions with click rates .1 .2 .3 .6; target always plays action 3 (true CTR 0.6)
        double[] rate = {0.1, 0.2, 0.3, 0.6};
        SplittableRandom r = new SplittableRandom(11);
        List<ImpressionOutcome> logged = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            int a = r.nextInt(4);
            logged.add(new ImpressionOutcome("r" + i, "u", "a" + a, 0, "E:c", 0.25, r.nextDouble() < rate[a], false, false, 0));
        }
        OffPolicyEstimate e = OffPolicyEstimate.of(logged, o -> o.videoId().equals("a3") ? 1.0 : 0.0);
        assertThat(e.ips().contains(0.6)).isTrue();
        assertThat(e.snips().contains(0.6)).isTrue();
        assertThat(e.effectiveSampleSize()).isCloseTo(10_000, within(400.0));
    }

    @Test
    void mean_intervalCoversTheMean() {
        double[] v = {1, 2, 3, 4, 5};
        Estimate e = Intervals.mean(v, 5);
        assertThat(e.value()).isEqualTo(3.0);
        assertThat(e.low()).isCloseTo(3 - 1.96 * Math.sqrt(2.5 / 5), within(1e-3));
    }
}
