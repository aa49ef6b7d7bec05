package dev.marquee.feed.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BetaSamplerTest {
    @ParameterizedTest
    @CsvSource({"0.3, 0.7", "1, 1", "2, 5", "15, 35", "0.5, 49.5", "400, 600"})
    void beta_matchesMeanAndVariance(double a, double b) {
        SplittableRandom r = new SplittableRandom(11);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = BetaSampler.beta(r, a, b);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        double expectedMean = a / (a + b);
        double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
        assertThat(mean).isCloseTo(expectedMean, within(5 * Math.sqrt(expectedVariance / n)));
        assertThat(variance).isCloseTo(expectedVariance, within(0.03 * expectedVariance));
    }

    @Test
    void tinyShapes_fallBackToTheLimitDistribution() {
        SplittableRandom r = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double x = BetaSampler.beta(r, 1e-4, 3e-4);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
        }
        assertThat(sum / 100_000).isCloseTo(0.25, within(0.01));
    }

    @Test
    void sameSeed_drawsTheSameValues() {
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        for (int i = 0; i < 1_000; i++) {
            assertThat(BetaSampler.beta(a, 2.5, 7.5)).isEqualTo(BetaSampler.beta(b, 2.5, 7.5));
        }
    }

    @Test
    void gamma_rejectsNonPositiveOrInfiniteShape() {
        SplittableRandom r = new SplittableRandom(1);
        assertThatThrownBy(() -> BetaSampler.gamma(r, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma shape must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> BetaSampler.beta(r, Double.NaN, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetaSampler.beta(r, 1.0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
