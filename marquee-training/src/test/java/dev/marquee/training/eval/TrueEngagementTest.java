package dev.marquee.training.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrueEngagementTest {
    @Test
    void top_ordersByScoreThenLowerId_andSkipsNonPositive() {
        double[] score = {0.1, 0.0, 0.5, 0.1, 0.9, -1};
        assertThat(TrueEngagement.top(score, 3)).containsExactly(4, 2, 0);
        assertThat(TrueEngagement.top(score, 10)).containsExactly(4, 2, 0, 3);
    }
}
