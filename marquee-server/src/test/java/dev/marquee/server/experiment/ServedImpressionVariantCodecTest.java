package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.ServedImpression;
import dev.marquee.events.ServedImpressionCodec;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The variant rides in the v1 record as a nullable string: records without a variant and with one both round-trip. */
class ServedImpressionVariantCodecTest {
    private static ServedImpression record(String variant) {
        return new ServedImpression("req", "u1", "v1", 3, 1_700_000_000_000L, "none", variant, new float[0], new float[0], 0.25);
    }

    private static ServedImpression roundTrip(ServedImpression s) {
        ByteBuffer b = ByteBuffer.allocate(ServedImpressionCodec.maxEncodedSize(s));
        ServedImpressionCodec.write(s, b);
        b.flip();
        return ServedImpressionCodec.read(b);
    }

    @Test
    void codec_readsRecordsWithoutAVariant() {
        assertThat(roundTrip(record(null)).variant()).isNull();
    }

    @Test
    void codec_readsTheVariantLabel() {
        ServedImpression back = roundTrip(record("weights:watch"));
        assertThat(back.variant()).isEqualTo("weights:watch");
        assertThat(back.propensity()).isEqualTo(0.25);
    }
}
