package dev.marquee.events;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Wakes tailing readers when an append publishes records: readers wait on a condition until a
 * predicate holds, the writer signals after publishing. No lost wake-ups, because the predicate is
 * checked under the same lock the signal takes, and no polling.
 */
final class AppendSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Blocks until {@code done} is true; it is re-checked after every {@link #signal()}. */
    void awaitUntil(BooleanSupplier done) throws InterruptedException {
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
