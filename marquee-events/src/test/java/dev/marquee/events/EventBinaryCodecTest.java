package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventBinaryCodecTest {

    @Property(tries = 500)
    void roundTrip_anyEvent_decodesEqual(@ForAll("events") Event event) {
        ByteBuffer buf = ByteBuffer.allocate(EventBinaryCodec.maxEncodedSize(event) + 3);
        buf.put((byte) 7);
        EventBinaryCodec.write(event, buf);
        assertThat(buf.position()).isLessThanOrEqualTo(EventBinaryCodec.maxEncodedSize(event) + 1);
        int end = buf.position();
        buf.flip().position(1);
        assertThat(EventBinaryCodec.read(buf)).isEqualTo(event);
        assertThat(buf.position()).isEqualTo(end);
        assertThat(EventBinaryCodec.timestampAt(buf, 1)).isEqualTo(event.timestamp());
        byte[] id = event.eventId().getBytes(StandardCharsets.UTF_8);
        assertThat(EventBinaryCodec.eventIdHashAt(buf, 1)).isEqualTo(EventIdHash.hash(id, 0, id.length));
    }

    @Property(tries = 200)
    void hash_differsForDifferentIds(@ForAll("text") String a, @ForAll("text") String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (!a.equals(b)) {
            assertThat(EventIdHash.hash(x, 0, x.length)).isNotEqualTo(EventIdHash.hash(y, 0, y.length));
        }
    }

    @Example
    void smallInteraction_isCompact() {
        Impression e = new Impression("e-1234567890", TestEvents.T0, "u-123456", "v-1234567", "r-12345678", 4);
        assertThat(EventBinaryCodec.maxEncodedSize(e)).isGreaterThan(0);
        ByteBuffer buf = ByteBuffer.allocate(EventBinaryCodec.maxEncodedSize(e));
        EventBinaryCodec.write(e, buf);
        assertThat(buf.position()).isLessThanOrEqualTo(1 + 8 + 13 + 9 + 10 + 11 + 1);
    }

    @Example
    void write_nullRequiredField_namesIt() {
        ByteBuffer buf = ByteBuffer.allocate(256);
        assertThatThrownBy(() -> EventBinaryCodec.write(new Share("e", 1, "u", null, null), buf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("videoId");
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u07ff').withChars('✓', '日', '\u0000')
                .ofMinLength(0).ofMaxLength(40);
    }

    @Provide
    Arbitrary<Event> events() {
        Arbitrary<String> s = text();
        Arbitrary<String> nullable = s.injectNull(0.3);
        Arbitrary<Long> ts = Arbitraries.longs();
        Arbitrary<Integer> ints = Arbitraries.integers();
        Arbitrary<Event> impression = Combinators.combine(s, ts, s, s, nullable, ints).as(Impression::new);
        Arbitrary<Event> click = Combinators.combine(s, ts, s, s, nullable).as(Click::new);
        Arbitrary<Event> share = Combinators.combine(s, ts, s, s, nullable).as(Share::new);
        Arbitrary<Event> view = Combinators.combine(s, ts, s, s, nullable, Arbitraries.doubles()).as(View::new);
        Arbitrary<Video> video = Combinators.combine(s, s, s, s, s.list().ofMaxSize(8), ints, ts, s).as(Video::new);
        Arbitrary<Event> upsert = Combinators.combine(s, ts, video).as(VideoUpserted::new);
        Arbitrary<UserProfile> profile = Combinators.combine(s, s, s, s, ts).as(UserProfile::new);
        Arbitrary<Event> user = Combinators.combine(s, ts, profile).as(UserUpserted::new);
        Arbitrary<Event> deleted = Combinators.combine(s, ts, s).as(UserDeleted::new);
        return Arbitraries.oneOf(List.of(impression, click, share, view, upsert, user, deleted));
    }
}
