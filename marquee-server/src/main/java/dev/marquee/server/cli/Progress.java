package dev.marquee.server.cli;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on stderr (stdout stays machine-readable) for anything longer than a few seconds. */
final class Progress {
    private Progress() {
    }

    static ProgressBar bar(String task, long total, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
    }

    /** A callback that moves a bar to an absolute position; close the bar via the returned handle. */
    static LongConsumer forLog(String task, long total) {
        ProgressBar bar = bar(task, total, "events");
        return new LongConsumer() {
            private boolean closed;

            @Override
            public void accept(long position) {
                if (closed) {
                    return;
                }
                bar.stepTo(position);
                if (position >= total) {
                    bar.close();
                    closed = true;
                }
            }
        };
    }
}
