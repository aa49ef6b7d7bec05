package dev.marquee.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PrometheusHistogramsTest {
    private static String scrape(int fast, int slow) {
        return """
                # TYPE marquee_pipeline_stage_seconds histogram
                marquee_pipeline_stage_seconds_bucket{stage="ranking",le="0.001"} %d
                marquee_pipeline_stage_seconds_bucket{stage="ranking",le="0.002"} %d
                marquee_pipeline_stage_seconds_bucket{stage="ranking",le="+Inf"} %d
                marquee_pipeline_stage_seconds_count{stage="ranking"} %d
                marquee_pipeline_stage_seconds_sum{stage="ranking"} %s
                other_metric_total 5
                """.formatted(fast, fast + slow, fast + slow, fast + slow, Double.toString(fast * 0.0005 + slow * 0.0015));
    }

    @Test
    void window_subtractsScrapes_andInterpolatesQuantiles() {
        PrometheusHistograms before = PrometheusHistograms.parse(scrape(100, 0), "marquee_");
        PrometheusHistograms after = PrometheusHistograms.parse(scrape(150, 50), "marquee_");

        List<StageTiming> w = PrometheusHistograms.window(before, after);

        assertThat(w).hasSize(1);
        StageTiming t = w.get(0);
        assertThat(t.series()).isEqualTo("marquee_pipeline_stage{stage=\"ranking\"}");
        assertThat(t.count()).isEqualTo(100);
        assertThat(t.meanMs()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(t.p50Ms()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(t.p99Ms()).isCloseTo(1.98, Offset.offset(1e-9));
    }
}
