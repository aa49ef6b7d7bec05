package dev.marquee.feed.ranking;

import static dev.marquee.feed.ranking.RankerFeatureSchema.*;
import static dev.marquee.feed.ranking.RankingTestWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.feed.retrieval.FreshUploadsCandidateSource;
import dev.marquee.models.ranker.RankerDataset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RankerFeaturesTest {
    final RankingTestWorld world = new RankingTestWorld();

    float[] assemble(RankerFeatures features, String user, List<Candidate> candidates, float[] userEmbedding) {
        FeedQuery q = world.hydrate(FeedQuery.of("r", user, 10, T0, 1, false), candidates);
        float[] out = new float[candidates.size() * WIDTH];
        features.assemble(q.features().get(FeedFeatures.USER), userEmbedding, q.features().get(FeedFeatures.VIDEOS),
                candidates, T0, out);
        return out;
    }

    @Test
    void schema_columnsMatchTheirConstants() {
        assertThat(SCHEMA.numericCount()).isEqualTo(NUMERIC);
        assertThat(SCHEMA.width()).isEqualTo(WIDTH);
        assertThat(SCHEMA.column("position")).isEqualTo(POSITION);
        assertThat(SCHEMA.column("two_tower_dot")).isEqualTo(TWO_TOWER_DOT);
        assertThat(SCHEMA.column("source_other")).isEqualTo(SOURCE_OTHER);
        assertThat(SCHEMA.column("video")).isEqualTo(VIDEO);
        assertThat(SCHEMA.column("day_of_week")).isEqualTo(DAY_OF_WEEK);
    }

    @Test
    void assemble_writesUserItemContextAndCrossFeatures_inCandidateOrder() {
        RankerFeatures features = new RankerFeatures(world.store, ItemEmbeddings.NONE, true);
        float[] x = assemble(features, "u1", world.candidates(6), null);
        // v0: category c0 (the only category u1 engaged with), Japanese, watched and seen once today
        assertThat(x[USER_KNOWN]).isEqualTo(1f);
        assertThat(x[USER_CLICKS]).isCloseTo((float) Math.log1p(6), within(1e-6f));
        assertThat(x[USER_CATEGORY_SHARE]).isEqualTo(1f);
        assertThat(x[USER_CATEGORY_AFFINITY]).isPositive();
        assertThat(x[USER_WATCHED]).isEqualTo(1f);
        assertThat(x[USER_IMPRESSIONS_OF_VIDEO_24H]).isEqualTo(1f);
        assertThat(x[LANGUAGE_MATCH]).isEqualTo(0f);
        assertThat(x[POSITION]).isZero();
        assertThat(x[SOURCE_FIRST + 1]).as("co-watch").isEqualTo(1f);
        assertThat(x[SOURCE_FIRST + 3]).as("trending").isZero();
        assertThat(x[AGE_BAND]).isEqualTo(3f);
        assertThat(x[DEVICE]).isEqualTo(3f);
        assertThat(x[HOUR]).isEqualTo(22f); // 2023-11-14T22:13:20Z, a Tuesday
        assertThat(x[DAY_OF_WEEK]).isEqualTo(1f);
        assertThat(x[ITEM_DURATION]).isCloseTo((float) Math.log1p(60), within(1e-6f));
        // v1: category c1, English, never seen
        int o = WIDTH;
        assertThat(x[o + USER_CATEGORY_SHARE]).isZero();
        assertThat(x[o + USER_WATCHED]).isZero();
        assertThat(x[o + LANGUAGE_MATCH]).isEqualTo(1f);
        assertThat(x[o + SOURCE_FIRST + 3]).isEqualTo(1f);
        assertThat(x[o + ITEM_DURATION]).isCloseTo((float) Math.log1p(61), within(1e-6f));
        for (int i = 0; i < 6; i++) {
            assertThat(x[i * WIDTH + VIDEO]).isEqualTo(StableBuckets.of("v" + i, VIDEO_CARDINALITY));
        }
        new RankerDataset(SCHEMA, 6, x, new float[18]); // validates every id is in range and every value finite
    }

    @Test
    void assemble_everyRowEqualsThatCandidateAssembledAlone() {
        // The user/context columns are written once and copied to later rows: a batch must still give each
        // candidate exactly the row it gets on its own (bit for bit), for a known and an unknown user.
        RankerFeatures features = new RankerFeatures(world.store, ItemEmbeddings.NONE, true);
        for (String user : List.of("u1", "u2")) {
            List<Candidate> all = world.candidates(6);
            float[] batch = assemble(features, user, all, null);
            for (int i = 0; i < all.size(); i++) {
                float[] alone = assemble(features, user, world.candidates(6).subList(i, i + 1), null);
                assertThat(java.util.Arrays.copyOfRange(batch, i * WIDTH, (i + 1) * WIDTH)).as("%s row %d", user, i)
                        .containsExactly(alone);
            }
        }
    }

    @Test
    void assemble_unknownUser_readsAsColdStart() {
        float[] x = assemble(new RankerFeatures(world.store, ItemEmbeddings.NONE, true), "u2", world.candidates(2), null);
        assertThat(x[USER_KNOWN]).isZero();
        assertThat(x[USER_HOURS_SINCE_ACTIVE]).isEqualTo(168f);
        assertThat(x[AGE_BAND]).isZero();
        assertThat(x[COUNTRY]).isZero();
        assertThat(x[LANGUAGE_MATCH]).isEqualTo(0.5f);
    }

    @Test
    void assemble_twoTowerDotAndSources_followTheirSwitches() {
        int v0 = world.dense("v0");
        ItemEmbeddings embeddings = video -> video == v0 ? new float[] {0.5f, 0.5f} : null;
        float[] x = assemble(new RankerFeatures(world.store, embeddings, false), "u1", world.candidates(2), new float[] {1f, 0f});
        assertThat(x[TWO_TOWER_DOT]).isEqualTo(0.5f);
        assertThat(x[WIDTH + TWO_TOWER_DOT]).isZero();
        for (int s = SOURCE_FIRST; s <= SOURCE_OTHER; s++) {
            assertThat(x[s]).isZero();
        }
    }

    @Test
    void assemble_freshUploadsCandidate_setsSourceFreshNotOther() {
        List<Candidate> cs = world.candidates(1);
        cs.getFirst().addSource(FreshUploadsCandidateSource.ID.name(), 0.5f);
        float[] x = assemble(new RankerFeatures(world.store, ItemEmbeddings.NONE, true), "u1", cs, null);
        assertThat(x[SCHEMA.column("source_fresh")]).isEqualTo(1f);
        assertThat(x[SOURCE_OTHER]).as("every source of the candidate has its own column").isZero();
    }

    @Test
    void assemble_rejectsCandidateWhoseRowHoldsAnotherVideo() {
        RankerFeatures features = new RankerFeatures(world.store, ItemEmbeddings.NONE, true);
        List<Candidate> cs = world.candidates(3);
        FeedQuery q = world.hydrate(FeedQuery.of("r", "u1", 10, T0, 1, false), cs);
        cs.get(0).row(cs.get(1).row());
        assertThatThrownBy(() -> features.assemble(q.features().get(FeedFeatures.USER), null,
                q.features().get(FeedFeatures.VIDEOS), cs, T0, new float[3 * WIDTH]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not hold its features");
        assertThatThrownBy(() -> features.assemble(q.features().get(FeedFeatures.USER), null,
                q.features().get(FeedFeatures.VIDEOS), cs, T0, new float[WIDTH]))
                .hasMessageContaining("buffer holds");
    }

    @Property(tries = 300)
    void stableBuckets_areInRangeAndNeverTheNoneBucket(@ForAll @StringLength(min = 1, max = 30) String id,
                                                       @ForAll @IntRange(min = 2, max = 1 << 20) int cardinality) {
        int b = StableBuckets.of(id, cardinality);
        assertThat(b).isBetween(1, cardinality - 1).isEqualTo(StableBuckets.of(new String(id), cardinality));
    }
}
