package dev.marquee.models.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankerRegularizationTest {
    private static final FeatureSchema SCHEMA = new FeatureSchema(List.of("x"),
            List.of(new CategoricalField("country", 64, 4), new CategoricalField("video", 16384, 8)));

    private static RankerInputs inputs(int rows) {
        int[] country = new int[rows], video = new int[rows];
        for (int i = 0; i < rows; i++) {
            country[i] = 1 + i % 63;
            video[i] = 1 + i;
        }
        return new RankerInputs(rows, new float[rows], new int[][] {country, video});
    }

    @Test
    void dropIds_replacesOnlyHashedIdsByUnknown_atAboutTheRate_repeatably() {
        RankerInputs a = inputs(10_000), b = inputs(10_000);
        RankerRegularization reg = new RankerRegularization(0.3f, 0f);
        reg.dropIds(SCHEMA, a, new SplittableRandom(5));
        reg.dropIds(SCHEMA, b, new SplittableRandom(5));
        assertThat(a.ids()[1]).isEqualTo(b.ids()[1]);
        assertThat(a.ids()[0]).doesNotContain(0);
        long dropped = java.util.Arrays.stream(a.ids()[1]).filter(id -> id == 0).count();
        assertThat(dropped).isBetween(2_700L, 3_300L);
    }

    @Test
    void none_leavesInputsAlone() {
        RankerInputs a = inputs(100);
        RankerRegularization.none().dropIds(SCHEMA, a, new SplittableRandom(5));
        assertThat(a.ids()[1]).doesNotContain(0);
    }

    @Test
    void rejectsOutOfRangeSettings() {
        assertThatThrownBy(() -> new RankerRegularization(1f, 0f)).hasMessageContaining("idDropout");
        assertThatThrownBy(() -> new RankerRegularization(0f, -1f)).hasMessageContaining("embeddingL2");
    }
}
