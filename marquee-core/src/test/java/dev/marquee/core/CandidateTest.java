package dev.marquee.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateTest {
    @Test
    void addSource_keepsInsertionOrderAndTheHigherScoreOfARepeat() {
        Candidate c = Candidate.from(7, "two-tower", 0.5f);
        c.addSource("co-watch", 0.2f);
        c.addSource("trending", 3f);
        c.addSource("co-watch", 0.9f);
        c.addSource("two-tower", 0.1f);

        assertThat(c.sourceCount()).isEqualTo(3);
        assertThat(c.primarySource()).isEqualTo("two-tower");
        assertThat(c.sourceScore("co-watch")).isEqualTo(0.9f);
        assertThat(c.sources()).containsExactly(Map.entry("two-tower", 0.5f), Map.entry("co-watch", 0.9f),
                Map.entry("trending", 3f));
        assertThat(c.hasSource("trending")).isTrue();
        assertThat(c.hasSource("segment-popular")).isFalse();
        assertThat(c.sources().get("segment-popular")).isNull();
    }

    @Test
    void sources_isALiveReadOnlyView() {
        Candidate c = Candidate.from(1, "a", 1f);
        Map<String, Float> view = c.sources();
        c.addSource("b", 2f);

        assertThat(view).hasSize(2).containsEntry("b", 2f);
        assertThatThrownBy(() -> view.put("c", 1f)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sourceScore_ofAnAbsentSource_throwsNamingIt() {
        Candidate c = Candidate.from(3, "a", 1f);
        assertThatThrownBy(() -> c.sourceScore("b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source b");
        assertThat(new Candidate(4).primarySource()).isNull();
    }

    @Test
    void score_recordsEachStageOnceInFirstScoredOrder() {
        Candidate c = new Candidate(2);
        assertThat(c.stageScores()).isEmpty();
        c.score("ranker", 0.4);
        c.score("diversity", 0.3);
        c.score("ranker", 0.6);

        assertThat(c.score()).isEqualTo(0.6);
        assertThat(c.stageScores()).containsExactly(Map.entry("ranker", 0.6), Map.entry("diversity", 0.3));
    }
}
