package dev.marquee.models.twotower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContentScoreCalibrationTest {

    @Test
    void fit_recoversAnExactAffineMap() {
        float[] content = {0.1f, 0.2f, 0.4f, -0.3f};
        float[] full = new float[content.length];
        for (int i = 0; i < content.length; i++) {
            full[i] = 2.5f * content[i] + 0.3f;
        }
        ContentScoreCalibration c = ContentScoreCalibration.fit(content, full);
        assertEquals(2.5, c.scale(), 1e-5);
        assertEquals(0.3, c.offset(), 1e-5);
        assertEquals(0.55f, c.apply(0.1f), 1e-5);
    }

    @Test
    void fit_fallsBackToIdentityWithoutSignal() {
        assertEquals(ContentScoreCalibration.IDENTITY, ContentScoreCalibration.fit(new float[] {0.2f}, new float[] {0.5f}));
        assertEquals(ContentScoreCalibration.IDENTITY,
                ContentScoreCalibration.fit(new float[] {0.2f, 0.2f}, new float[] {0.1f, 0.5f}));
        assertEquals(ContentScoreCalibration.IDENTITY,
                ContentScoreCalibration.fit(new float[] {0.1f, 0.5f}, new float[] {0.5f, 0.1f}));
    }

    @Test
    void constructor_rejectsNonPositiveScale() {
        assertThrows(IllegalArgumentException.class, () -> new ContentScoreCalibration(0, 0));
    }
}
