package dev.marquee.sim;

import dev.marquee.events.View;

/**
 * How simulated users react to what they are shown: true affinity, p(click), watch time and p(share).
 * The formulas and constants are documented in {@code package-info.java}; this class is their only
 * implementation.
 *
 * <p>Design: a position-based click model (examination × attractiveness, Craswell et al., WSDM 2008;
 * examination 1/log2(pos+2) as in DCG) with a multiplicative fatigue term for repeated exposure; watch
 * time is a bounce/engaged mixture whose engaged fraction U^(1/κ) has mean κ/(κ+1), so affinity and
 * quality move both the bounce rate and the watched fraction. Stateless and thread-safe.
 */
public final class BehaviourModel {
    static final double CLICK_BIAS = -3.5;
    static final double CLICK_AFFINITY = 4.0;
    static final double CLICK_QUALITY = 1.2;
    static final double CLICK_APPEAL = 0.35;
    static final double APPEAL_CAP = 4.0;
    static final double FATIGUE = 0.45;
    static final double FOREIGN_LANGUAGE = 0.25;
    static final double BOUNCE_BIAS = 2.0;
    static final double BOUNCE_AFFINITY = 3.0;
    static final double BOUNCE_QUALITY = 2.0;
    static final double SHARE_BIAS = -5.0;
    static final double SHARE_AFFINITY = 2.5;
    static final double SHARE_QUALITY = 1.5;
    /** Precomputed E(i) and FATIGUE^r: the click model runs once per impression. */
    private static final double[] POSITION_BIAS = new double[256];
    private static final double[] FATIGUE_POWER = new double[RecentImpressions.WINDOW + 1];

    static {
        for (int i = 0; i < POSITION_BIAS.length; i++) {
            POSITION_BIAS[i] = 1.0 / (StrictMath.log(i + 2.0) / StrictMath.log(2.0));
        }
        for (int r = 0; r < FATIGUE_POWER.length; r++) {
            FATIGUE_POWER[r] = StrictMath.pow(FATIGUE, r);
        }
    }

    private final World world;
    private final VideoCatalog videos;
    private final UserPopulation users;
    private final long start;
    private final double driftPerMilli;

    public BehaviourModel(World world) {
        this.world = world;
        this.videos = world.videos;
        this.users = world.users;
        this.start = world.config().startMillis();
        this.driftPerMilli = world.config().interestDriftPerDay() / WorldConfig.DAY_MILLIS;
    }

    public World world() {
        return world;
    }

    /**
     * True affinity in [0, 1]: the user's (drifted) topic preferences at {@code timeMillis} dotted with the
     * video's topic mix. Hidden from the platform; oracle policies rank by it.
     */
    public double trueAffinity(int user, int video, long timeMillis) {
        int row = user * users.topics;
        int main = videos.mainTopic[video];
        int second = videos.secondTopic[video];
        double w = videos.mainWeight[video];
        double base = w * users.prefs[row + main] + (1 - w) * users.prefs[row + second];
        int drift = users.driftTopic[user];
        double toward = (main == drift ? w : 0) + (second == drift ? 1 - w : 0);
        double lambda = Math.min(1.0, Math.max(0L, timeMillis - start) * driftPerMilli);
        return (1 - lambda) * base + lambda * toward;
    }

    /** p(click) for showing {@code video} at 0-based {@code position}, after {@code repeats} recent exposures. */
    public double clickProbability(int user, int video, int position, int repeats, long timeMillis) {
        if (position < 0 || repeats < 0) {
            throw new IllegalArgumentException("position and repeats must be ≥ 0, got " + position + " and " + repeats);
        }
        return clickProbability(trueAffinity(user, video, timeMillis), videos.quality[video], videos.appeal[video],
                position, repeats, understands(user, video));
    }

    /** p(watch &gt; 30 s | click), in closed form (bounces never reach 30 s). */
    public double longViewProbability(int user, int video, long timeMillis) {
        double a = trueAffinity(user, video, timeMillis);
        double q = videos.quality[video];
        int duration = videos.durationSeconds[video];
        if (duration <= View.LONG_VIEW_SECONDS) {
            return 0;
        }
        double kappa = engagedStrength(a, q, users.device[user]);
        return (1 - bounceProbability(a, q)) * (1 - StrictMath.pow(View.LONG_VIEW_SECONDS / duration, kappa));
    }

    /** Seconds watched after a click, rounded to 0.1 s, in [1, duration]; draws two values from rng. */
    public double sampleWatchSeconds(int user, int video, long timeMillis, SimRandom rng) {
        return sampleWatchSeconds(trueAffinity(user, video, timeMillis), user, video, rng);
    }

    /** p(share | long view). */
    public double shareProbability(int user, int video, long timeMillis) {
        return shareProbability(trueAffinity(user, video, timeMillis), videos.quality[video]);
    }

    /** Examination probability of a 0-based position: 1/log2(position + 2). */
    public static double positionBias(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be ≥ 0, got " + position);
        }
        return position < POSITION_BIAS.length ? POSITION_BIAS[position]
                : 1.0 / (StrictMath.log(position + 2.0) / StrictMath.log(2.0));
    }

    static double clickProbability(double affinity, double quality, double appeal, int position, int repeats,
                                   boolean understood) {
        double attract = sigmoid(CLICK_BIAS + CLICK_AFFINITY * affinity + CLICK_QUALITY * quality
                + CLICK_APPEAL * Math.min(appeal, APPEAL_CAP));
        double fatigue = repeats < FATIGUE_POWER.length ? FATIGUE_POWER[repeats] : StrictMath.pow(FATIGUE, repeats);
        return positionBias(position) * fatigue * (understood ? 1.0 : FOREIGN_LANGUAGE) * attract;
    }

    static double bounceProbability(double affinity, double quality) {
        return sigmoid(BOUNCE_BIAS - BOUNCE_AFFINITY * affinity - BOUNCE_QUALITY * quality);
    }

    static double shareProbability(double affinity, double quality) {
        return sigmoid(SHARE_BIAS + SHARE_AFFINITY * affinity + SHARE_QUALITY * quality);
    }

    static double engagedStrength(double affinity, double quality, int device) {
        return (0.5 + 3.0 * (0.6 * affinity + 0.4 * quality)) * Demographics.DEVICE_WATCH_FACTOR[device];
    }

    double sampleWatchSeconds(double affinity, int user, int video, SimRandom rng) {
        double q = videos.quality[video];
        int duration = videos.durationSeconds[video];
        double seconds;
        if (rng.nextDouble() < bounceProbability(affinity, q)) {
            seconds = 2.0 + 10.0 * rng.nextDouble();
        } else {
            double kappa = engagedStrength(affinity, q, users.device[user]);
            seconds = StrictMath.pow(rng.nextDouble(), 1.0 / kappa) * duration;
        }
        return Math.round(Math.clamp(seconds, 1.0, duration) * 10.0) / 10.0;
    }

    boolean understands(int user, int video) {
        byte language = videos.language[video];
        return language == Demographics.ENGLISH || language == Demographics.COUNTRY_LANGUAGE[users.country[user]];
    }

    float quality(int video) {
        return videos.quality[video];
    }

    float appeal(int video) {
        return videos.appeal[video];
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }
}
