package dev.marquee.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.SegmentedLogConfig;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.ServedImpressionLog;
import dev.marquee.events.View;
import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReportCommandTest {
    private static final long T = 1_767_225_600_000L;

    @Test
    void report_joinsImpressionsWithClicksPerVariant(@TempDir Path root) throws Exception {
        DataDir dir = new DataDir(root).create();
        Files.writeString(root.resolve(ExperimentConfigFile.FILE), """
                {"experiments": [{"name": "e", "variants": [{"name": "a", "share": 0.5},
                  {"name": "b", "share": 0.5, "overrides": {"explorationShare": 0}}]}]}""");
        List<ServedImpression> served = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            String variant = r % 2 == 0 ? "e:a" : "e:b";
            for (int pos = 0; pos < 5; pos++) {
                served.add(new ServedImpression("q" + r, "u" + r, "v" + pos, pos, T + r, "none", variant, new float[0],
                        new float[0], pos == 4 && variant.equals("e:a") ? 0.5 : 1.0));
            }
            // b users click position 0 every time, a users every other request; nobody clicks other ids
            if (variant.equals("e:b") || r % 4 == 0) {
                events.add(new Click("c" + r, T + r + 1000, "u" + r, "v0", "q" + r));
                events.add(new View("w" + r, T + r + 1001, "u" + r, "v0", "q" + r, 45.0));
            }
        }
        events.add(new Click("late", T + 10_000_000_000L, "u1", "v1", "q1")); // outside the attribution window
        try (FileEventLog log = FileEventLog.open(dir.events());
             ServedImpressionLog impressions = ServedImpressionLog.open(dir.impressions(), SegmentedLogConfig.DEFAULTS)) {
            log.append(events);
            impressions.append(served);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("experiment", "report", "--data", root.toString(), "--name", "e")).isZero();
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("e:a").contains("e:b");
        assertThat(text).containsPattern("e:a\\s+20\\s+100\\s+0\\.1000");
        assertThat(text).containsPattern("e:b\\s+20\\s+100\\s+0\\.2000");
        assertThat(text).contains("off-policy CTR of e:b");
    }

    @Test
    void report_failsClearlyForAnUnknownExperiment(@TempDir Path root) {
        assertThat(Main.run("experiment", "report", "--data", root.toString(), "--name", "nope")).isNotZero();
    }
}
