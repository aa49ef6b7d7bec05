package dev.marquee.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedChunksTest {

    @Test
    void everyChunkRunsExactlyOnce_acrossCallerAndHelpers() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ConcurrentHashMap<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
            SharedChunks.run(500, pool, 4, c -> runs.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet());
            assertThat(runs).hasSize(500);
            assertThat(runs.values()).allMatch(n -> n.get() == 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorThatNeverRunsItsTasks_cannotBlockTheCaller() {
        AtomicInteger done = new AtomicInteger();
        SharedChunks.run(20, task -> { }, 2, c -> done.incrementAndGet());
        assertThat(done).hasValue(20);
    }

    @Test
    void aRejectingExecutor_leavesTheWorkToTheCaller() {
        AtomicInteger done = new AtomicInteger();
        SharedChunks.run(7, task -> {
            throw new RejectedExecutionException("full");
        }, 2, c -> done.incrementAndGet());
        assertThat(done).hasValue(7);
    }

    @Test
    void aFailingChunk_failsTheCallWithItsException() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThatThrownBy(() -> SharedChunks.run(10, pool, 2, c -> {
                if (c == 6) {
                    throw new IllegalStateException("chunk 6 broke");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("chunk 6 broke");
        } finally {
            pool.shutdownNow();
        }
    }
}
