package dev.marquee.models.ranker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {
    private static final FeatureSchema SCHEMA = new FeatureSchema(List.of("a", "b", "c"),
            List.of(new CategoricalField("colour", 4, 2), new CategoricalField("size", 3, 2)));

    private static float[] rows() {
        return new float[] {1f, -2.5f, 0f, 3f, 2f, 0f, 1e30f, -1e-30f, 0f, 0f};
    }

    @Test
    void validate_acceptsFiniteNumericsAndIntegralIdsInRange() {
        assertThatCode(() -> SCHEMA.validate(rows(), 2)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void validate_namesTheRowAndFeatureOfANonFiniteNumeric(float bad) {
        float[] r = rows();
        r[5 + 1] = bad;
        assertThatThrownBy(() -> SCHEMA.validate(r, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1, feature b: invalid value " + bad);
    }

    @ParameterizedTest
    @ValueSource(floats = {-1f, 4f, 1.5f, Float.NaN, 3e9f})
    void validate_rejectsAnIdOutOfRangeOrNotIntegral(float bad) {
        float[] r = rows();
        r[3] = bad;
        assertThatThrownBy(() -> SCHEMA.validate(r, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 0, feature colour: invalid value " + bad);
    }

    @Test
    void validate_rejectsAShortBuffer() {
        assertThatThrownBy(() -> SCHEMA.validate(new float[9], 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 10 floats");
    }
}
