package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * THE crash test: a child JVM appends and prints what was acknowledged; it is killed with SIGKILL in
 * the middle of the stream, three times over the same log; after each kill the reopened log must hold
 * every acknowledged event exactly once and read cleanly to its end.
 */
class FileEventLogCrashTest {
    static final FileEventLogConfig CONFIG =
            FileEventLogConfig.DEFAULTS.withLog(SegmentedLogConfig.DEFAULTS.withSegmentBytes(256 << 10));

    @TempDir
    Path dir;

    @Test
    void sigkillMidStream_keepsEveryAcknowledgedEventExactlyOnce() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            List<String> acked = runAndKill("r" + round, 40 + 25 * round);
            acknowledged.addAll(acked);
            try (FileEventLog log = FileEventLog.open(dir, CONFIG)) {
                Map<String, Integer> counts = readAllCounting(log);
                assertThat(counts.values()).as("no event stored twice").allMatch(c -> c == 1);
                Set<String> missing = new HashSet<>(acknowledged);
                missing.removeAll(counts.keySet());
                assertThat(missing).as("acknowledged events missing after the crash").isEmpty();
                System.out.printf("crash round %d: %d acknowledged so far, %d records in log%n",
                        round, acknowledged.size(), log.endOffset());
            }
        }
    }

    /**
     * Runs the child until it acknowledged {@code batches} batches, kills it (SIGKILL through its
     * ProcessHandle, which unlike Process.destroyForcibly leaves stdout open) and reads on to EOF, so
     * every id acknowledged before the kill is returned.
     */
    private List<String> runAndKill(String prefix, int batches) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CrashAppenderMain.class.getName(), dir.toString(), prefix)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> acked = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("acked ")) {
                    acked.addAll(pending);
                    pending.clear();
                    if (!killed && Integer.parseInt(line.substring(6)) >= batches) {
                        child.toHandle().destroyForcibly();
                        killed = true;
                    }
                } else if (!line.startsWith("ready ")) {
                    pending.add(line);
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killed).as("child reached %d batches before dying", batches).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        return acked;
    }

    private static Map<String, Integer> readAllCounting(FileEventLog log) {
        Map<String, Integer> counts = new HashMap<>();
        long next = 0;
        while (next < log.endOffset()) {
            List<LogRecord> part = log.read(next, 5000);
            assertThat(part).as("log readable to its end").isNotEmpty();
            for (LogRecord r : part) {
                assertThat(r.offset()).isEqualTo(next++);
                counts.merge(r.event().eventId(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
