package dev.marquee.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.event.Level;
import org.slf4j.Marker;

class LogThrottleTest {
    /** An SLF4J logger that keeps the formatted lines it was given. */
    static final class KeepingLogger extends AbstractLogger {
        final List<String> lines = new ArrayList<>();

        @Override protected String getFullyQualifiedCallerName() { return null; }
        @Override protected void handleNormalizedLoggingCall(Level level, Marker marker, String msg, Object[] args, Throwable t) {
            lines.add(MessageFormatter.arrayFormat(msg, args).getMessage());
        }
        @Override public boolean isTraceEnabled() { return true; }
        @Override public boolean isTraceEnabled(Marker marker) { return true; }
        @Override public boolean isDebugEnabled() { return true; }
        @Override public boolean isDebugEnabled(Marker marker) { return true; }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public boolean isInfoEnabled(Marker marker) { return true; }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isWarnEnabled(Marker marker) { return true; }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public boolean isErrorEnabled(Marker marker) { return true; }
    }

    static final class ManualClock implements Clock {
        long nanos;
        @Override public long millis() { return nanos / 1_000_000; }
        @Override public long nanos() { return nanos; }
    }

    @Test
    void logsOncePerPeriodPerKey_andCountsWhatItSuppressed() {
        KeepingLogger log = new KeepingLogger();
        ManualClock clock = new ManualClock();
        LogThrottle throttle = new LogThrottle(log, Duration.ofSeconds(30), clock);
        for (int i = 0; i < 5; i++) {
            throttle.warn("a", "source {} failed", "a");
        }
        throttle.warn("b", "source {} failed", "b");
        clock.nanos += Duration.ofSeconds(31).toNanos();
        throttle.warn("a", "source {} failed", "a");
        assertThat(log.lines).containsExactly("source a failed", "source b failed",
                "source a failed (4 more like it since the last report)");
    }
}
