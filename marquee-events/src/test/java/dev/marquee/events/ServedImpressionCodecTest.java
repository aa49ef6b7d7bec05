package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ServedImpressionCodecTest {

    static ServedImpression sample(String variant, float[] features, float[] heads) {
        return new ServedImpression("r1", "u7", "v42", 3, 1_700_000_000_123L, "v2024-01", variant, features, heads, 0.25);
    }

    static ServedImpression roundTrip(ServedImpression s) {
        ByteBuffer buf = ByteBuffer.allocate(ServedImpressionCodec.maxEncodedSize(s));
        ServedImpressionCodec.write(s, buf);
        buf.flip();
        return ServedImpressionCodec.read(buf);
    }

    static void assertSame(ServedImpression back, ServedImpression s) {
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
    }

    @Test
    void roundTrip_keepsEveryField() {
        ServedImpression s = sample("treatment", new float[] {1.5f, -2f, Float.MIN_VALUE, 7e9f}, new float[] {0.1f, 0.2f, 0.01f});
        assertSame(roundTrip(s), s);
    }

    @Test
    void roundTrip_keepsNullVariantAndUnscoredItems() {
        ServedImpression s = sample(null, new float[0], new float[0]);
        ServedImpression back = roundTrip(s);
        assertThat(back.variant()).isNull();
        assertThat(back.scored()).isFalse();
        assertSame(back, s);
    }

    @Property(tries = 200)
    void roundTrip_anyRecord(@ForAll @StringLength(min = 1, max = 40) String request,
                             @ForAll @StringLength(min = 1, max = 40) String user,
                             @ForAll @IntRange(min = 0, max = 1_000_000) int position,
                             @ForAll @Size(max = 80) float[] features,
                             @ForAll @DoubleRange(min = 0.01, max = 1.0) double propensity) {
        ServedImpression s = new ServedImpression(request, user, "vid-" + position, position, position * 31L,
                "m" + user, position % 2 == 0 ? null : request, features, new float[] {0.5f, 0.25f, 0.125f}, propensity);
        assertSame(roundTrip(s), s);
    }

    @Test
    void read_rejectsTruncatedRecord() {
        ServedImpression s = sample("x", new float[] {1f, 2f, 3f}, new float[] {0.1f, 0.2f, 0.3f});
        ByteBuffer buf = ByteBuffer.allocate(ServedImpressionCodec.maxEncodedSize(s));
        ServedImpressionCodec.write(s, buf);
        buf.flip().limit(buf.limit() - 5);
        assertThatThrownBy(() -> ServedImpressionCodec.read(buf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt served impression");
    }

    @Test
    void read_rejectsUnknownTag() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {9, 0, 0});
        assertThatThrownBy(() -> ServedImpressionCodec.read(buf)).hasMessageContaining("unknown served-impression format tag 9");
    }

    @Test
    void constructor_rejectsBadPropensityAndHeads() {
        assertThatThrownBy(() -> new ServedImpression("r", "u", "v", 0, 0, "m", null, new float[0], new float[0], 0.0))
                .hasMessageContaining("propensity must be in (0, 1]");
        assertThatThrownBy(() -> new ServedImpression("r", "u", "v", 0, 0, "m", null, new float[0], new float[2], 1.0))
                .hasMessageContaining("heads must hold 0 or 3");
        assertThatThrownBy(() -> new ServedImpression("", "u", "v", 0, 0, "m", null, new float[0], new float[0], 1.0))
                .hasMessageContaining("requestId");
    }
}
