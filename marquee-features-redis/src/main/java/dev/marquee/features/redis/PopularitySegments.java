package dev.marquee.features.redis;

import dev.marquee.features.SegmentKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the popularity segments a long view counts in (as the in-memory PopularityIndex): FULL when country,
 * device and age band are known, COUNTRY_AGE with country and age band, COUNTRY with country, and GLOBAL always.
 * A suffix is "level:country:device:ageBand" in dense ids (-1 for an attribute the level ignores).
 */
final class PopularitySegments {
    private PopularitySegments() {
    }

    static List<String> suffixes(int country, int device, int ageBand) {
        List<String> out = new ArrayList<>(4);
        out.add(suffix(SegmentKey.Level.GLOBAL, -1, -1, -1));
        if (country >= 0) {
            out.add(suffix(SegmentKey.Level.COUNTRY, country, -1, -1));
            if (ageBand >= 0) {
                out.add(suffix(SegmentKey.Level.COUNTRY_AGE, country, -1, ageBand));
                if (device >= 0) {
                    out.add(suffix(SegmentKey.Level.FULL, country, device, ageBand));
                }
            }
        }
        return out;
    }

    static String suffix(SegmentKey.Level level, int country, int device, int ageBand) {
        return level.ordinal() + ":" + country + ":" + device + ":" + ageBand;
    }
}
