package dev.marquee.training.ranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.Click;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.SegmentedLogConfig;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.ServedImpressionLog;
import dev.marquee.events.View;
import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.training.join.AttributionWindows;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedDatasetBuilderTest {
    static final long T = 1_700_000_000_000L, MIN = 60_000L, HOUR = 60 * MIN;

    static ServedImpression served(String request, String video, int position, long t, boolean scored) {
        float[] row = new float[RankerFeatureSchema.WIDTH];
        row[0] = position + 0.5f;
        return new ServedImpression(request, "u1", video, position, t, "m1", null, scored ? row : new float[0],
                scored ? new float[] {0.1f, 0.05f, 0.001f} : new float[0], 1.0);
    }

    @Test
    void build_joinsFinalExamples_leavesOpenWindowsPending_andDropsLateImpressions(@TempDir Path dir) {
        InMemoryEventLog events = new InMemoryEventLog();
        events.append(List.of(new Click("e1", T + MIN, "u1", "v1", "r1"), new View("e2", T + 5 * MIN, "u1", "v1", "r1", 40),
                new Click("e3", T + 30 * HOUR, "u9", "v9", "x")));
        try (ServedImpressionLog log = ServedImpressionLog.open(dir, SegmentedLogConfig.DEFAULTS)) {
            log.append(List.of(served("r1", "v1", 0, T, true), served("r1", "v2", 1, T, false)));
            log.append(List.of(served("r2", "v3", 4, T + 2 * HOUR, true)));
            log.append(List.of(served("r3", "v4", 0, T + 29 * HOUR, true)));
            log.append(List.of(served("r0", "v5", 0, T + HOUR, true)));

            ServedDataset data = new ServedDatasetBuilder(AttributionWindows.defaults(), MIN).build(log, events);

            assertThat(data.joined()).isEqualTo(3);
            assertThat(data.pending()).as("r3's share window is still open").isEqualTo(1);
            assertThat(data.late()).isEqualTo(1);
            ExampleTable table = data.table();
            assertThat(table.rows()).as("unscored items are not training rows").isEqualTo(2);
            assertThat(table.label(0, RankerHeads.CLICK)).isEqualTo(1f);
            assertThat(table.label(0, RankerHeads.WATCH_30S)).isEqualTo(1f);
            assertThat(table.label(0, RankerHeads.SHARE)).isZero();
            assertThat(table.label(1, RankerHeads.CLICK)).isZero();
            assertThat(table.time(1)).isEqualTo(T + 2 * HOUR);
            float[] second = table.dataset(0, 2).features();
            assertThat(second[RankerFeatureSchema.WIDTH + RankerFeatureSchema.POSITION]).as("logged position").isEqualTo(4f);
            assertThat(second[RankerFeatureSchema.WIDTH]).as("logged features untouched").isEqualTo(4.5f);
        }
    }
}
