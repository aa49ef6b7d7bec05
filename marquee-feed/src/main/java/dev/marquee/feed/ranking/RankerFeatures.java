package dev.marquee.feed.ranking;

import static dev.marquee.feed.ranking.RankerFeatureSchema.*;

import dev.marquee.core.Candidate;
import dev.marquee.core.IdDictionary;
import dev.marquee.features.FeatureStore;
import dev.marquee.features.InteractionCounts;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import dev.marquee.models.ranker.FeatureSchema;
import java.util.List;

/**
 * The ONE feature assembly for the ranker, used at serving time and to build training data, so the two
 * cannot drift apart. Writes one {@link RankerFeatureSchema} row per candidate straight into the caller's
 * float buffer: no per-candidate objects (bucket ids are cached per dense id). Thread-safe.
 */
public final class RankerFeatures {
    private static final long HOUR_MILLIS = 3_600_000L, DAY_MILLIS = 86_400_000L;

    private final ItemEmbeddings embeddings;
    private final boolean sourceColumns;
    private final IdDictionary languages;
    private final StableBuckets categories, creators, videos;

    /**
     * @param store         supplies the dictionaries that turn dense ids back into external ids
     * @param embeddings    two-tower item vectors for the dot-product feature ({@link ItemEmbeddings#NONE}: 0)
     * @param sourceColumns false writes 0 into the candidate-source columns; use it to serve a model trained
     *                      on data without sources (the bootstrap set: the baseline policy has no sources)
     */
    public RankerFeatures(FeatureStore store, ItemEmbeddings embeddings, boolean sourceColumns) {
        this.embeddings = embeddings;
        this.sourceColumns = sourceColumns;
        this.languages = store.languages();
        this.categories = new StableBuckets(store.categories(), CATEGORY_CARDINALITY);
        this.creators = new StableBuckets(store.creators(), CREATOR_CARDINALITY);
        this.videos = new StableBuckets(store.videos(), VIDEO_CARDINALITY);
    }

    public FeatureSchema schema() {
        return SCHEMA;
    }

    public int width() {
        return WIDTH;
    }

    /**
     * Writes row i of {@code out} for {@code candidates.get(i)}, reading its video features at
     * {@code candidate.row()} of {@code batch}. Position is written as 0 (see {@link RankerFeatureSchema}).
     *
     * @param userEmbedding the user's two-tower vector, or null (dot product 0)
     * @throws IllegalArgumentException when {@code out} is short or a candidate's row is not its video's row
     */
    public void assemble(UserFeatures user, float[] userEmbedding, VideoFeatureBatch batch, List<Candidate> candidates,
                         long nowMillis, float[] out) {
        int n = candidates.size();
        if (out.length < n * WIDTH) {
            throw new IllegalArgumentException("buffer holds " + out.length + " floats, " + n + " rows need " + n * WIDTH);
        }
        double categorySum = 0;
        for (double s : user.categories().scores()) {
            categorySum += s;
        }
        // The user's language as a dense id (-1 when no video has it): one int compare per row, not a String equals.
        int userLanguage = user.language() == null ? -1 : languages.find(user.language());
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            int r = c.row();
            if (r < 0 || r >= batch.size() || batch.video(r) != c.video()) {
                throw new IllegalArgumentException("candidate " + c.video() + " has hydration row " + r
                        + " which does not hold its features (batch of " + batch.size() + ")");
            }
            int o = i * WIDTH;
            if (i == 0) {
                writeUser(user, nowMillis, out, o);
            } else {
                copyUser(out, o);
            }
            writeItem(batch, r, out, o);
            writeCross(user, userEmbedding, batch, r, c, categorySum, userLanguage, out, o);
        }
    }

    /** The user and context columns are the same on every row of a request: copied from row 0, not recomputed. */
    private static void copyUser(float[] out, int o) {
        System.arraycopy(out, USER_KNOWN, out, o + USER_KNOWN, USER_HOURS_SINCE_ACTIVE + 1 - USER_KNOWN);
        System.arraycopy(out, HOUR_SIN, out, o + HOUR_SIN, POSITION + 1 - HOUR_SIN);
        System.arraycopy(out, AGE_BAND, out, o + AGE_BAND, DEVICE + 1 - AGE_BAND);
        System.arraycopy(out, HOUR, out, o + HOUR, DAY_OF_WEEK + 1 - HOUR);
    }

    private void writeUser(UserFeatures u, long now, float[] out, int o) {
        InteractionCounts k = u.counts();
        out[o + USER_KNOWN] = u.known() ? 1f : 0f;
        out[o + USER_IMPRESSIONS] = ln1p(k.impressions());
        out[o + USER_CLICKS] = ln1p(k.clicks());
        out[o + USER_LONG_VIEWS] = ln1p(k.longViews());
        out[o + USER_SHARES] = ln1p(k.shares());
        out[o + USER_CTR] = (k.clicks() + 1f) / (k.impressions() + 10f);
        out[o + USER_LONG_VIEW_PER_CLICK] = (k.longViews() + 0.5f) / (k.clicks() + 1f);
        out[o + USER_HOURS_SINCE_ACTIVE] = u.lastActivityMillis() == Long.MIN_VALUE ? 168f
                : (float) Math.clamp((now - u.lastActivityMillis()) / (double) HOUR_MILLIS, 0.0, 168.0);
        long hour = Math.floorMod(now, DAY_MILLIS) / HOUR_MILLIS;
        double angle = 2 * Math.PI * Math.floorMod(now, DAY_MILLIS) / DAY_MILLIS;
        out[o + HOUR_SIN] = (float) Math.sin(angle);
        out[o + HOUR_COS] = (float) Math.cos(angle);
        out[o + POSITION] = 0f;
        out[o + AGE_BAND] = u.ageBand() == null ? 0 : 1 + indexOr(AGE_BANDS, u.ageBand(), AGE_BANDS.size());
        out[o + COUNTRY] = StableBuckets.of(u.country(), COUNTRY_CARDINALITY);
        int device = u.device() == null ? -1 : DEVICES.indexOf(u.device());
        out[o + DEVICE] = u.device() == null ? 0 : device >= 0 ? 1 + device
                : DEVICES.size() + StableBuckets.of(u.device(), DEVICE_CARDINALITY - DEVICES.size());
        out[o + HOUR] = hour;
        out[o + DAY_OF_WEEK] = Math.floorMod(Math.floorDiv(now, DAY_MILLIS) + 3, 7);
    }

    private void writeItem(VideoFeatureBatch b, int r, float[] out, int o) {
        out[o + ITEM_HAS_METADATA] = b.hasMetadata(r) ? 1f : 0f;
        out[o + ITEM_CTR] = (float) b.ctr(r);
        out[o + ITEM_LONG_VIEW_RATE] = (float) b.longViewRate(r);
        out[o + ITEM_SHARE_RATE] = (float) b.shareRate(r);
        out[o + ITEM_IMPRESSIONS_1H] = ln1p(b.impressions1h(r));
        out[o + ITEM_IMPRESSIONS_24H] = ln1p(b.impressions24h(r));
        out[o + ITEM_CLICKS_1H] = ln1p(b.clicks1h(r));
        out[o + ITEM_CLICKS_24H] = ln1p(b.clicks24h(r));
        out[o + ITEM_LONG_VIEWS_1H] = ln1p(b.longViews1h(r));
        out[o + ITEM_LONG_VIEWS_24H] = ln1p(b.longViews24h(r));
        out[o + ITEM_SHARES_24H] = ln1p(b.shares24h(r));
        out[o + ITEM_IMPRESSIONS_TOTAL] = ln1p(b.impressionsTotal(r));
        out[o + ITEM_TRENDING] = ln1p(b.trending(r));
        out[o + ITEM_AGE_HOURS] = ln1p(Math.max(0.0, b.uploadAgeHours(r)));
        out[o + ITEM_DURATION] = ln1p(b.durationSeconds(r));
        out[o + CREATOR_UPLOADS_PER_DAY] = ln1p(b.creatorUploadsPerDay(r));
        out[o + CREATOR_LONG_VIEW_RATE] = (float) b.creatorLongViewRate(r);
        out[o + CATEGORY] = categories.bucket(b.category(r));
        out[o + CREATOR] = creators.bucket(b.creator(r));
        out[o + VIDEO] = videos.bucket(b.video(r));
    }

    private void writeCross(UserFeatures u, float[] userEmbedding, VideoFeatureBatch b, int r, Candidate c,
                            double categorySum, int userLanguage, float[] out, int o) {
        int creator = b.creator(r), category = b.category(r), video = b.video(r);
        double categoryAffinity = category < 0 ? 0.0 : u.categoryAffinity(category);
        out[o + USER_CREATOR_AFFINITY] = creator < 0 ? 0f : ln1p(u.creatorAffinity(creator));
        out[o + USER_CATEGORY_AFFINITY] = ln1p(categoryAffinity);
        out[o + USER_CATEGORY_SHARE] = categorySum > 0 ? (float) (categoryAffinity / categorySum) : 0f;
        int language = b.language(r);
        out[o + LANGUAGE_MATCH] = language < 0 || u.language() == null ? 0.5f : language == userLanguage ? 1f : 0f;
        out[o + USER_IMPRESSIONS_OF_VIDEO_24H] = Math.min(10, u.impressionsLast24h(video));
        out[o + USER_WATCHED] = u.hasWatched(video) ? 1f : 0f;
        out[o + TWO_TOWER_DOT] = dot(userEmbedding, embeddings.embedding(video));
        int known = 0;
        for (int s = 0; s < SOURCES.size(); s++) {
            boolean has = sourceColumns && c.hasSource(SOURCES.get(s));
            out[o + SOURCE_FIRST + s] = has ? 1f : 0f;
            known += has ? 1 : 0;
        }
        out[o + SOURCE_OTHER] = sourceColumns && c.sources().size() > known ? 1f : 0f;
    }

    private static float dot(float[] user, float[] item) {
        if (user == null || item == null) {
            return 0f;
        }
        if (user.length != item.length) {
            throw new IllegalArgumentException("user embedding has " + user.length + " dims, item embedding " + item.length);
        }
        float s = 0f;
        for (int k = 0; k < user.length; k++) {
            s += user[k] * item[k];
        }
        return s;
    }

    private static int indexOr(List<String> vocabulary, String value, int other) {
        int i = vocabulary.indexOf(value);
        return i >= 0 ? i : other;
    }

    private static float ln1p(double x) {
        // Math.log is a JIT intrinsic; Math.log1p is FdLibm in Java (8.5% of feed CPU under JFR). For x ≥ 0 the
        // two agree to float precision, and training assembles rows through this same method. Most 1 h counters
        // are 0, and ln(1) is exactly 0: skipping the call changes no value.
        return x == 0.0 ? 0f : (float) Math.log(1.0 + x);
    }
}
