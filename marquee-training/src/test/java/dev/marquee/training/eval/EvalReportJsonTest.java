package dev.marquee.training.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalReportJsonTest {

    @Test
    void write_newUserSection_hasTheRetrievalKeys_andTheSliceSize() throws Exception {
        RecallSlices slices = new RecallSlices(List.of("segment-popular", "popular", "trending", "merged"));
        BitSet relevant = new BitSet();
        relevant.set(3);
        for (String list : List.of("segment-popular", "popular", "trending", "merged")) {
            slices.add(list, new int[] {3}, relevant, true);
            slices.add(list, new int[] {4}, relevant, false);
        }
        EvalReport.HoldoutSummary holdout = new EvalReport.HoldoutSummary(0, 1, 2, 2, slices.newUserCount(), 5, 2, 0,
                10, 20, 0, 1.0, 1.0);
        EvalReport report = new EvalReport(holdout, slices.all(), slices.newUsers(), Map.of(),
                new HeadsEvaluation("mmoe", 0, 0, Map.of(), Map.of()), Map.of(), List.of());

        JsonNode json = new ObjectMapper().readTree(EvalReportJson.write(report));

        JsonNode section = json.get("retrieval_new_users");
        assertThat(section).isNotNull();
        for (String list : List.of("segment-popular", "popular", "trending", "merged")) {
            for (int k : RecallAccumulator.KS) {
                assertThat(section.get(list).get("recall@" + k).asDouble()).as(list + "@" + k).isEqualTo(1.0);
                assertThat(json.get("retrieval").get(list).get("recall@" + k).asDouble()).isEqualTo(0.5);
            }
            assertThat(section.get(list).get("users").asInt()).isEqualTo(1);
        }
        assertThat(json.get("holdout").get("evaluatedNewUsers").asInt()).isEqualTo(1);
        assertThat(json.get("holdout").get("newUserMaxEngagements").asInt()).isEqualTo(5);
    }
}
