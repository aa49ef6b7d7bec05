package dev.marquee.models.text;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs chunks 0..n-1 on the calling thread plus up to {@code parallelism − 1} helper tasks on an
 * executor, each thread claiming the next unclaimed chunk (self-scheduling). The caller waits only for
 * chunks a helper has actually claimed, so a saturated executor — or a caller that is itself one of
 * the executor's threads — cannot deadlock it: in the worst case the caller does every chunk.
 */
final class SharedChunks {
    private SharedChunks() {
    }

    static void run(int chunks, Executor executor, int parallelism, IntConsumer work) {
        if (chunks <= 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(chunks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                try {
                    if (failure.get() == null) {
                        work.accept(c);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(parallelism, chunks) - 1;
        for (int i = 0; i < helpers; i++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for text-encoding batches", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
