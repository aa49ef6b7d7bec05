package dev.marquee.training.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.features.InteractionCounts;
import dev.marquee.features.UserFeatures;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecallSlicesTest {

    private static BitSet relevant(int... videos) {
        BitSet b = new BitSet();
        for (int v : videos) {
            b.set(v);
        }
        return b;
    }

    @Test
    void newUserSlice_countsOnlyNewUsers_whileAllUsersCountsEveryone() {
        RecallSlices slices = new RecallSlices(List.of("segment-popular", "popular"));
        // an established user: popular finds both relevant videos, segment-popular none
        slices.add("segment-popular", new int[] {7, 8}, relevant(1, 2), false);
        slices.add("popular", new int[] {1, 2}, relevant(1, 2), false);
        // a new user: segment-popular finds 1 of 2 at K=10, popular none
        slices.add("segment-popular", new int[] {3, 9}, relevant(3, 4), true);
        slices.add("popular", new int[] {1, 2}, relevant(3, 4), true);

        assertThat(slices.all().get("popular").at(10)).isEqualTo(0.5);
        assertThat(slices.all().get("segment-popular").at(10)).isEqualTo(0.25);
        assertThat(slices.all().get("popular").users()).isEqualTo(2);
        assertThat(slices.newUsers().get("popular").at(10)).isZero();
        assertThat(slices.newUsers().get("segment-popular").at(10)).isEqualTo(0.5);
        assertThat(slices.newUsers().get("segment-popular").users()).isEqualTo(1);
        assertThat(slices.newUserCount()).isEqualTo(1);
        assertThat(slices.newUsers().keySet()).containsExactly("segment-popular", "popular");
    }

    @Test
    void perKLists_landInBothSlices_atTheirOwnK() {
        RecallSlices slices = new RecallSlices(List.of("merged"));
        // a merge aimed at K: at K=10 it holds video 5 only, at larger K also video 6
        slices.addPerK("merged", k -> k == 10 ? new int[] {5} : new int[] {5, 6}, relevant(5, 6), true);
        RecallCurve merged = slices.newUsers().get("merged");
        assertThat(merged.at(10)).isEqualTo(0.5);
        assertThat(merged.at(1000)).isEqualTo(1.0);
        assertThat(slices.all().get("merged").at(20)).isEqualTo(1.0);
    }

    @Test
    void noNewUser_emptySliceWithZeroUsers() {
        RecallSlices slices = new RecallSlices(List.of("popular"));
        slices.add("popular", new int[] {1}, relevant(1), false);
        assertThat(slices.newUserCount()).isZero();
        assertThat(slices.newUsers().get("popular").users()).isZero();
        assertThat(slices.newUsers().get("popular").at(1000)).isZero();
    }

    @Test
    void unknownList_isRejected() {
        RecallSlices slices = new RecallSlices(List.of("popular"));
        assertThatThrownBy(() -> slices.add("typo", new int[0], relevant(1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typo");
    }

    @Test
    void isNew_belowTheEngagementThreshold_asServingsGate() {
        UserFeatures unknown = UserFeatures.unknown(-1, 0);
        assertThat(HoldoutLoop.isNew(unknown, 5)).isTrue();
        assertThat(HoldoutLoop.isNew(withCounts(new InteractionCounts(100, 2, 1, 1, 1)), 5)).isTrue();
        // impressions alone do not build history; clicks + views + shares = 5 is no longer new
        assertThat(HoldoutLoop.isNew(withCounts(new InteractionCounts(100, 2, 2, 1, 1)), 5)).isFalse();
    }

    private static UserFeatures withCounts(InteractionCounts counts) {
        UserFeatures u = UserFeatures.unknown(-1, 0);
        return new UserFeatures(u.offset(), u.nowMillis(), 1, "25-34", "US", "mobile", null, 0, counts, u.recent(),
                u.recentLongViews(), u.recentLongViewTimes(), u.creators(), u.categories(), u.watched(),
                u.impressionsLast24h());
    }
}
