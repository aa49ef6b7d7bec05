package dev.marquee.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfSamplerTest {
    @Test
    void next_followsPowerLaw() {
        ZipfSampler zipf = new ZipfSampler(1000, 1.0);
        SplittableRandom random = new SplittableRandom(3);
        int[] counts = new int[1000];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[zipf.next(random)]++;
        }
        double h = 0;
        for (int k = 1; k <= 1000; k++) {
            h += 1.0 / k;
        }
        assertThat(counts[0] / (double) n).isCloseTo(1 / h, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts[0] / (double) counts[1]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(counts[999]).isPositive();
    }

    @Test
    void constructor_rejectsEmptyPopulation() {
        assertThatThrownBy(() -> new ZipfSampler(0, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }
}
