package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedImpressionLogTest {
    static final SegmentedLogConfig SMALL_SEGMENTS = SegmentedLogConfig.DEFAULTS.withSegmentBytes(4096);

    static List<ServedImpression> page(String request, int n) {
        List<ServedImpression> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ServedImpression(request, "u1", "v" + i, i, 1000L + i, "m1", null,
                    new float[] {i, i + 0.5f, -i}, new float[] {0.1f * i, 0.2f, 0.3f}, i == 0 ? 1.0 : 0.5));
        }
        return out;
    }

    @Test
    void append_returnsOffsetsInOrder_andReadReturnsRecordsAsWritten(@TempDir Path dir) {
        try (ServedImpressionLog log = ServedImpressionLog.open(dir, SMALL_SEGMENTS)) {
            assertThat(log.append(page("r1", 10))).isZero();
            assertThat(log.append(page("r2", 10))).isEqualTo(10);
            assertThat(log.endOffset()).isEqualTo(20);
            List<ServedImpression> read = log.read(8, 4);
            assertThat(read).extracting(ServedImpression::requestId).containsExactly("r1", "r1", "r2", "r2");
            assertThat(read.get(2).features()).containsExactly(0f, 0.5f, 0f);
        }
    }

    @Test
    void reopen_recoversEveryRecordAcrossSegments(@TempDir Path dir) {
        try (ServedImpressionLog log = ServedImpressionLog.open(dir, SMALL_SEGMENTS)) {
            for (int r = 0; r < 50; r++) {
                log.append(page("r" + r, 10));
            }
        }
        try (ServedImpressionLog log = ServedImpressionLog.open(dir, SMALL_SEGMENTS)) {
            assertThat(log.endOffset()).isEqualTo(500);
            List<String> requests = new ArrayList<>();
            assertThat(log.forEach(0, s -> requests.add(s.requestId() + "/" + s.position()))).isEqualTo(500);
            assertThat(requests.get(0)).isEqualTo("r0/0");
            assertThat(requests.get(499)).isEqualTo("r49/9");
        }
    }
}
