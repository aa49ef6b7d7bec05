package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GiniCoefficientTest {
    @Test
    void of_equalCounts_isZero() {
        assertThat(GiniCoefficient.of(new long[] {5, 5, 5, 5}, 4)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void of_oneHoldsEverything_isOneMinusOneOverN() {
        // G = 2·(4·8)/(4·8) − 5/4 = 0.75 = 1 − 1/n
        assertThat(GiniCoefficient.of(new long[] {0, 8, 0, 0}, 4)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void of_handComputedExample() {
        // sorted 1,2,3,4: Σ i·x = 1+4+9+16 = 30; G = 60/(4·10) − 5/4 = 0.25
        assertThat(GiniCoefficient.of(new long[] {4, 1, 3, 2, 99}, 4)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void of_emptyOrAllZero_isZero_andNegativeThrows() {
        assertThat(GiniCoefficient.of(new long[0], 0)).isZero();
        assertThat(GiniCoefficient.of(new long[] {0, 0}, 2)).isZero();
        assertThatThrownBy(() -> GiniCoefficient.of(new long[] {1, -1}, 2)).hasMessageContaining("≥ 0");
    }
}
