package dev.marquee.core;

/** Injected time source so tests (and the simulator) control time; never call System.currentTimeMillis in components. */
@FunctionalInterface
public interface Clock {
    /** Wall-clock time in epoch milliseconds. */
    long millis();

    /** Monotonic nanoseconds for measuring durations. */
    default long nanos() {
        return System.nanoTime();
    }

    Clock SYSTEM = System::currentTimeMillis;
}
