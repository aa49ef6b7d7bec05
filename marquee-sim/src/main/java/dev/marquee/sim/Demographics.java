package dev.marquee.sim;

/**
 * The demographic vocabulary of the world: age bands, countries (with their language), devices, video
 * languages, and the mix each is drawn with. Values are the strings that appear in {@code UserProfile}
 * and {@code Video} records.
 */
final class Demographics {
    static final String[] AGE_BANDS = {"13-17", "18-24", "25-34", "35-44", "45-54", "55+"};
    static final double[] AGE_CUMULATIVE = cumulative(0.08, 0.24, 0.27, 0.19, 0.12, 0.10);

    static final String[] COUNTRIES = {"US", "GB", "IN", "BR", "DE", "FR", "ES", "MX", "JP", "CA"};
    static final double[] COUNTRY_CUMULATIVE = cumulative(0.30, 0.08, 0.18, 0.10, 0.06, 0.05, 0.04, 0.06, 0.06, 0.07);

    static final String[] DEVICES = {"mobile", "desktop", "tv"};
    static final double[] DEVICE_CUMULATIVE = cumulative(0.62, 0.25, 0.13);
    /** Engaged-watch strength multiplier per device: people watch longer on a TV, shorter on a phone. */
    static final double[] DEVICE_WATCH_FACTOR = {0.85, 1.0, 1.3};

    /** Video/user languages; index 0 is English, which every user understands. */
    static final String[] LANGUAGES = {"en", "es", "pt", "de", "fr", "ja", "hi"};
    static final byte ENGLISH = 0;
    /** Language index of each country's users, aligned with {@link #COUNTRIES}. */
    static final byte[] COUNTRY_LANGUAGE = {0, 0, 6, 2, 3, 4, 1, 1, 5, 0};
    /** Share of creators who publish in English; the others publish in one of the other languages. */
    static final double ENGLISH_CREATOR_SHARE = 0.82;
    static final double[] OTHER_LANGUAGE_CUMULATIVE = cumulative(0, 0.30, 0.20, 0.12, 0.12, 0.14, 0.12);

    private Demographics() {
    }

    static double[] cumulative(double... weights) {
        double[] out = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            out[i] = sum;
        }
        return out;
    }
}
