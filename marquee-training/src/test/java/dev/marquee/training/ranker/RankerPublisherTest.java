package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RankerPublisherTest {
    @Test
    void belowChance_flagsAHeadWithAucUnderHalf_evenWithoutAServingVersion() {
        // the bug: the first ranker of a simulation (AUC 0.48 click, 0.34 watch) passed a gate with no baseline
        assertThat(RankerPublisher.belowChance(Map.of("auc_click", 0.4758, "auc_watch30", 0.3391, "auc_share", 0.56)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("auc_click 0.4758", "below chance"));
        assertThat(RankerPublisher.belowChance(Map.of("auc_click", 0.61, "auc_watch30", 0.34)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("auc_watch30 0.3400"));
    }

    @Test
    void belowChance_acceptsUsefulModels_andMissingMetrics() {
        assertThat(RankerPublisher.belowChance(Map.of("auc_click", 0.64, "auc_watch30", 0.67, "auc_share", 0.45))).isEmpty();
        assertThat(RankerPublisher.belowChance(Map.of())).isEmpty();
    }
}
