package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecayTest {
    private static final long H = 3_600_000L;
    private final Decay hour = new Decay(H);

    @Test
    void factor_halvesPerHalfLife() {
        assertThat(hour.factor(1000 + H, 1000)).isCloseTo(0.5, within(1e-15));
        assertThat(hour.factor(1000 + 3 * H, 1000)).isCloseTo(0.125, within(1e-15));
        assertThat(hour.weight(1000 + 2 * H, 1000)).isCloseTo(4.0, within(1e-12));
        assertThat(hour.weight(1000, 1000)).isEqualTo(1.0);
    }

    @Test
    void forwardSum_equalsBackwardDecayedCount_evenOutOfOrder() {
        Random rnd = new Random(7);
        long landmark = 5_000_000L;
        long now = landmark + 10 * H;
        double forward = 0;
        double backward = 0;
        for (int i = 0; i < 1000; i++) {
            long t = landmark + (long) (rnd.nextDouble() * 10 * H) - H; // some before the landmark
            forward += hour.weight(t, landmark);
            backward += Math.pow(2, -(double) (now - t) / H);
        }
        assertThat(forward * hour.factor(now, landmark)).isCloseTo(backward, within(1e-9 * backward));
    }

    @Test
    void toRate_recoversSteadyRate() {
        // one event per minute for 20 half-lives: decayed count ≈ rate · h / ln 2
        double sum = 0;
        long now = 20 * H;
        for (long t = 0; t <= now; t += 60_000L) {
            sum += hour.weight(t, 0);
        }
        assertThat(hour.toRate(sum * hour.factor(now, 0), H)).isCloseTo(60.0, within(0.5));
    }

    @Test
    void renormalisation_isDueAfter64HalfLives() {
        assertThat(hour.needsRenormalize(64 * H, 0)).isFalse();
        assertThat(hour.needsRenormalize(64 * H + 1, 0)).isTrue();
    }

    @Test
    void rejectsNonPositiveHalfLife() {
        assertThatThrownBy(() -> new Decay(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("half-life");
    }
}
