package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedVideoTest {
    private final Dictionaries dict = new Dictionaries();
    private final IdDictionary tags = new IdDictionary(4);

    private Video roundTrip(Video v) {
        int creator = Dictionaries.internNullable(dict.creators, v.creatorId());
        int category = Dictionaries.internNullable(dict.categories, v.category());
        int language = Dictionaries.internNullable(dict.languages, v.language());
        byte[] packed = PackedVideo.pack(v, creator, category, language, tags);
        return PackedVideo.unpack(packed, v.videoId(), dict, tags);
    }

    @Test
    void roundTrips_everyField() {
        Video v = new Video("v1", "c1", "music", "Ünïcode title – 日本語 🎵", List.of("cats", "funny", "cats"), 95,
                1_700_000_000_123L, "en");
        assertThat(roundTrip(v)).isEqualTo(v);
    }

    @Test
    void roundTrips_nullsEmptiesAndExtremes() {
        Video noTitle = new Video("v2", "c2", "news", null, List.of(), 0, 0, null);
        Video empty = new Video("v3", "c2", "news", "", List.of(""), -5, -1L, "fr");
        Video extreme = new Video("v4", "c3", "sport", "x".repeat(10_000), List.of("t".repeat(300)),
                Integer.MAX_VALUE, Long.MIN_VALUE, "de");
        Video max = new Video("v5", "c3", "sport", "t", List.of("a"), Integer.MIN_VALUE, Long.MAX_VALUE, "de");
        for (Video v : List.of(noTitle, empty, extreme, max)) {
            assertThat(roundTrip(v)).isEqualTo(v);
        }
    }

    @Test
    void isSmallerThanTheRecord() {
        Video a = new Video("v6", "creator-6", "music", "a thirty-five character long title.",
                List.of("alpha", "beta", "gamma", "delta"), 300, 1_700_000_000_000L, "en");
        Video b = new Video("v7", "creator-6", "music", "another title", List.of(new String("beta")), 300,
                1_700_000_000_000L, "en");
        byte[] packed = PackedVideo.pack(a, dict.creators.intern("creator-6"), dict.categories.intern("music"),
                dict.languages.intern("en"), tags);
        assertThat(packed.length).isLessThanOrEqualTo(a.title().length() + 17); // a record with its strings: ~170 B
        assertThat(PackedVideo.unpack(packed, "v6", dict, tags)).isEqualTo(a);
        assertThat(roundTrip(b)).isEqualTo(b);
        assertThat(tags.size()).isEqualTo(4);
    }
}
