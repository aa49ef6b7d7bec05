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

    @Test
    void emptyMap_readsAsEmpty_andPutAllCopiesIntoIt() {
        FeatureMap empty = new FeatureMap();
        assertThat(empty.size()).isZero();
        assertThat(empty.has(DURATION)).isFalse();
        assertThat(empty.asMap()).isEmpty();
        FeatureMap target = new FeatureMap().putAll(empty);
        assertThat(target.size()).isZero();

        target.putAll(new FeatureMap().put(DURATION, 7));

        assertThat(target.get(DURATION)).isEqualTo(7);
        assertThat(target.asMap()).containsEntry(DURATION, 7);
    }

    @Test
    void put_rejectsValueOfWrongType_evenOnAnEmptyMap() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Feature<Video, Object> raw = (Feature) DURATION;
        FeatureMap m = new FeatureMap();
        assertThatThrownBy(() -> m.put(raw, "long")).isInstanceOf(ClassCastException.class);
        assertThat(m.size()).isZero();
    }
}
