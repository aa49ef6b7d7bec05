package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BehaviourModelTest {
    private static World world;
    private static BehaviourModel model;

    @BeforeAll
    static void generate() {
        world = World.generate(SmallWorlds.config(3));
        model = new BehaviourModel(world);
    }

    @Property(tries = 300)
    void clickProbability_risesWithAffinity(@ForAll @DoubleRange(min = 0, max = 0.9) double affinity,
                                            @ForAll @DoubleRange(min = 0.01, max = 0.1) double more,
                                            @ForAll @DoubleRange(min = 0, max = 1) double quality,
                                            @ForAll @IntRange(min = 0, max = 49) int position,
                                            @ForAll @IntRange(min = 0, max = 5) int repeats) {
        assertThat(BehaviourModel.clickProbability(affinity + more, quality, 0.5, position, repeats, true))
                .isGreaterThan(BehaviourModel.clickProbability(affinity, quality, 0.5, position, repeats, true));
    }

    @Property(tries = 300)
    void clickProbability_fallsWithPositionAndRepeats(@ForAll @DoubleRange(min = 0, max = 1) double affinity,
                                                      @ForAll @DoubleRange(min = 0, max = 1) double quality,
                                                      @ForAll @IntRange(min = 0, max = 49) int position,
                                                      @ForAll @IntRange(min = 0, max = 30) int repeats) {
        double p = BehaviourModel.clickProbability(affinity, quality, 1.0, position, repeats, true);
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(BehaviourModel.clickProbability(affinity, quality, 1.0, position + 1, repeats, true)).isLessThan(p);
        assertThat(BehaviourModel.clickProbability(affinity, quality, 1.0, position, repeats + 1, true)).isLessThan(p);
        assertThat(BehaviourModel.clickProbability(affinity, quality, 1.0, position, repeats, false)).isLessThan(p);
    }

    @Test
    void positionBias_isOneOverLog2() {
        assertThat(BehaviourModel.positionBias(0)).isEqualTo(1.0);
        assertThat(BehaviourModel.positionBias(2)).isEqualTo(0.5);
        assertThat(BehaviourModel.positionBias(300)).isCloseTo(1 / (Math.log(302) / Math.log(2)), org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> BehaviourModel.positionBias(-1)).hasMessage("position must be ≥ 0, got -1");
    }

    @Test
    void watchTime_longViewsRiseWithAffinity_andMatchTheClosedForm() {
        int user = 5;
        int low = -1;
        int high = -1;
        long t = world.config().startMillis();
        for (int v = 0; v < world.videoCount(); v++) {
            if (world.video(v).durationSeconds() < 300) {
                continue;
            }
            double a = model.trueAffinity(user, v, t);
            if (low < 0 && a < 0.1) {
                low = v;
            }
            if (high < 0 && a > 0.6) {
                high = v;
            }
        }
        assertThat(low).isNotNegative();
        assertThat(high).isNotNegative();
        double lowRate = sampledLongViewRate(user, low, t);
        double highRate = sampledLongViewRate(user, high, t);
        assertThat(highRate).isGreaterThan(lowRate + 0.1);
        assertThat(lowRate).isCloseTo(model.longViewProbability(user, low, t), org.assertj.core.data.Offset.offset(0.02));
        assertThat(highRate).isCloseTo(model.longViewProbability(user, high, t), org.assertj.core.data.Offset.offset(0.02));
    }

    private static double sampledLongViewRate(int user, int video, long t) {
        SimRandom rng = new SimRandom(99);
        int duration = world.video(video).durationSeconds();
        int longViews = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double seconds = model.sampleWatchSeconds(user, video, t, rng);
            assertThat(seconds).isBetween(1.0, (double) duration);
            longViews += seconds > 30 ? 1 : 0;
        }
        return longViews / (double) n;
    }

    @Property(tries = 200)
    void shareProbability_risesWithAffinityAndQuality(@ForAll @DoubleRange(min = 0, max = 0.9) double affinity,
                                                      @ForAll @DoubleRange(min = 0, max = 0.9) double quality) {
        double p = BehaviourModel.shareProbability(affinity, quality);
        assertThat(BehaviourModel.shareProbability(affinity + 0.1, quality)).isGreaterThan(p);
        assertThat(BehaviourModel.shareProbability(affinity, quality + 0.1)).isGreaterThan(p);
        assertThat(BehaviourModel.bounceProbability(affinity + 0.1, quality)).isLessThan(BehaviourModel.bounceProbability(affinity, quality));
    }

    @Test
    void trueAffinity_isInUnitRange_andDriftsTowardsTheDriftTopic() {
        long start = world.config().startMillis();
        long later = start + 20 * WorldConfig.DAY_MILLIS;
        int checked = 0;
        for (int u = 0; u < 200; u++) {
            for (int v = 0; v < 200; v++) {
                double a = model.trueAffinity(u, v, start);
                assertThat(a).isBetween(0.0, 1.0);
                if (world.mainTopic(v) == world.users.driftTopic[u] && a < 0.5) {
                    assertThat(model.trueAffinity(u, v, later)).isGreaterThan(a);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }
}
