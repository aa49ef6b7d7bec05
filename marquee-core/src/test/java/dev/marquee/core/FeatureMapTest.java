package dev.marquee.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureMapTest {
    record Video() {
    }

    static final Feature<Video, Integer> DURATION = Feature.of("duration_sec", Video.class, Integer.class);

    @Test
    void get_throwsForMissingFeature() {
        assertThatThrownBy(() -> new FeatureMap().get(DURATION))
                .isInstanceOf(MissingFeatureException.class).hasMessageContaining("Video.duration_sec");
    }

    @Test
    void getOrDefault_returnsDefaultOnlyWhenAsked() {
        FeatureMap m = new FeatureMap();
        assertThat(m.getOrDefault(DURATION, 0)).isZero();
        m.put(DURATION, 42);
        assertThat(m.get(DURATION)).isEqualTo(42);
    }
}
