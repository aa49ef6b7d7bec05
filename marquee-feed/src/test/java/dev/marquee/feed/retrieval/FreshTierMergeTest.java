package dev.marquee.feed.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.ann.Neighbours;
import dev.marquee.models.twotower.ContentScoreCalibration;
import dev.marquee.models.twotower.FreshTierPolicy;
import org.junit.jupiter.api.Test;

class FreshTierMergeTest {
    private static final Neighbours TRAINED = new Neighbours(new int[] {1, 2, 3, 4}, new float[] {0.9f, 0.7f, 0.5f, 0.3f});
    private static final Neighbours FRESH = new Neighbours(new int[] {10, 11, 12}, new float[] {0.65f, 0.45f, 0.2f});

    private static FreshTierPolicy policy(double offset, double maxShare) {
        return new FreshTierPolicy(0, new long[0], new ContentScoreCalibration(1, offset), maxShare);
    }

    @Test
    void withoutPolicy_theTrainedTierAlone() {
        assertThat(FreshTierMerge.merge(TRAINED, FRESH, 3, null).ids()).containsExactly(1, 2, 3);
    }

    @Test
    void identityCalibration_mergesByRawScore() {
        Neighbours m = FreshTierMerge.merge(TRAINED, FRESH, 5, policy(0, 1));
        assertThat(m.ids()).containsExactly(1, 2, 10, 3, 11);
        assertThat(m.scores()).containsExactly(0.9f, 0.7f, 0.65f, 0.5f, 0.45f);
    }

    @Test
    void offset_liftsFreshScores_tiesGoToTheTrainedTier() {
        Neighbours m = FreshTierMerge.merge(TRAINED, FRESH, 6, policy(0.3, 1)); // fresh: 0.95, 0.75, 0.5
        assertThat(m.ids()).containsExactly(10, 1, 11, 2, 3, 12); // 0.5 vs 0.5: trained first
        assertThat(m.score(0)).isEqualTo(0.95f);
    }

    @Test
    void quota_capsTheFreshShareOfK() {
        Neighbours m = FreshTierMerge.merge(TRAINED, FRESH, 4, policy(1.0, 0.25)); // quota 1 of 4
        assertThat(m.ids()).containsExactly(10, 1, 2, 3);
    }

    @Test
    void quota_yieldsWhenTheTrainedTierRunsOut() {
        Neighbours few = new Neighbours(new int[] {1}, new float[] {0.9f});
        assertThat(FreshTierMerge.merge(few, FRESH, 4, policy(0, 0.25)).ids()).containsExactly(1, 10, 11, 12);
    }

    @Test
    void emptyFreshTier_isTheTrainedTier() {
        assertThat(FreshTierMerge.merge(TRAINED, Neighbours.EMPTY, 2, policy(0.5, 0.5)).ids()).containsExactly(1, 2);
    }
}
