package dev.marquee.testkit;

import dev.marquee.core.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand; {@link #nanos()} advances with {@link #millis()} so durations stay consistent. */
public final class FakeClock implements Clock {
    private final AtomicLong millis;

    public FakeClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public long nanos() {
        return millis.get() * 1_000_000L;
    }

    public void advance(long deltaMillis) {
        millis.addAndGet(deltaMillis);
    }

    public void set(long epochMillis) {
        millis.set(epochMillis);
    }
}
