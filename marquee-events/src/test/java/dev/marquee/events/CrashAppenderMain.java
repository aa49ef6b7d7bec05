package dev.marquee.events;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link FileEventLogCrashTest}: appends batches to the log in {@code args[0]} forever
 * and, after each {@code append} returns, prints every acknowledged eventId, then {@code acked <batch>}.
 * Ids are {@code <args[1]>-<batch>-<i>}. It never exits by itself: the test kills it.
 */
public final class CrashAppenderMain {
    private CrashAppenderMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false);
        try (FileEventLog log = FileEventLog.open(dir, FileEventLogCrashTest.CONFIG)) {
            out.println("ready " + log.endOffset());
            out.flush();
            for (int b = 0; ; b++) {
                List<Event> batch = TestEvents.batch(prefix + "-" + b + "-", 1 + (b * 37) % 500);
                AppendResult r = log.append(batch);
                for (int i = 0; i < batch.size(); i++) {
                    if (r.offsets()[i] >= 0) {
                        out.println(batch.get(i).eventId());
                    }
                }
                out.println("acked " + b);
                out.flush();
            }
        }
    }
}
