package dev.marquee.features;

/**
 * A popularity segment for new users: country × device × age band, with the coarser fallbacks
 * FULL → COUNTRY_AGE (country × age band) → COUNTRY → GLOBAL. Device is dropped first because it says
 * the least about taste. Any other combination of null attributes is rejected.
 */
public record SegmentKey(String country, String device, String ageBand) {
    public static final SegmentKey GLOBAL = new SegmentKey(null, null, null);

    /** Granularity, finest first. */
    public enum Level { FULL, COUNTRY_AGE, COUNTRY, GLOBAL }

    public SegmentKey {
        boolean valid = (country != null && device != null && ageBand != null)
                || (country != null && device == null)
                || (country == null && device == null && ageBand == null);
        if (!valid) {
            throw new IllegalArgumentException("segment must be (country, device, ageBand), (country, ageBand), "
                    + "(country) or global; got country=" + country + " device=" + device + " ageBand=" + ageBand);
        }
    }

    /** The finest valid segment given possibly unknown (null) profile attributes. */
    public static SegmentKey finest(String country, String device, String ageBand) {
        if (country == null) {
            return GLOBAL;
        }
        if (ageBand == null) {
            return new SegmentKey(country, null, null);
        }
        return new SegmentKey(country, device, ageBand);
    }

    public Level level() {
        if (country == null) {
            return Level.GLOBAL;
        }
        if (device != null) {
            return Level.FULL;
        }
        return ageBand != null ? Level.COUNTRY_AGE : Level.COUNTRY;
    }

    /** The next coarser segment; {@link #GLOBAL} is its own coarser segment. */
    public SegmentKey coarser() {
        return switch (level()) {
            case FULL -> new SegmentKey(country, null, ageBand);
            case COUNTRY_AGE -> new SegmentKey(country, null, null);
            case COUNTRY, GLOBAL -> GLOBAL;
        };
    }
}
