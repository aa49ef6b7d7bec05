package dev.marquee.core;

import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * The retrieval stage of {@link PipelineExecutor}: gates, then parallel sources on the source pool within their
 * budgets (late ones are cancelled and dropped), inline sources on the request thread while those run (late ones
 * kept and reported, since they cannot be pre-empted), failures dropped and reported, results in declared order.
 */
final class SourceRunner {
    private final ExecutorService sourcePool;
    private final Clock clock;
    private final LogThrottle throttle;
    private final BiFunction<String, String, Counter> counter;

    SourceRunner(ExecutorService sourcePool, Clock clock, LogThrottle throttle, BiFunction<String, String, Counter> counter) {
        this.sourcePool = sourcePool;
        this.clock = clock;
        this.throttle = throttle;
        this.counter = counter;
    }

    /**
     * Runs the open sources (parallel ones on the pool, inline ones on this thread meanwhile) and returns their
     * candidates in declared source order; records counts and degradations.
     */
    List<Candidate> run(List<GatedSource> sources, FeedQuery query, long deadlineNanos,
                        Map<String, Integer> counts, Map<String, String> degraded) {
        int n = sources.size();
        boolean[] open = new boolean[n];
        @SuppressWarnings("unchecked")
        Future<List<Candidate>>[] futures = new Future[n];
        for (int i = 0; i < n; i++) {
            GatedSource g = sources.get(i);
            open[i] = g.gate().open(query);
            if (open[i] && !g.inline()) {
                futures[i] = sourcePool.submit(() -> g.source().fetch(query));
            }
        }
        long started = clock.nanos();
        @SuppressWarnings("unchecked")
        List<Candidate>[] results = new List[n];
        for (int i = 0; i < n; i++) {
            if (open[i] && sources.get(i).inline()) {
                results[i] = runInline(sources.get(i), query, deadlineNanos, degraded);
            }
        }
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!open[i]) {
                continue;
            }
            GatedSource g = sources.get(i);
            String id = g.source().id().name();
            List<Candidate> got = futures[i] == null ? results[i] : await(g, futures[i], started, deadlineNanos, degraded);
            if (got != null) {
                counts.put("source." + id, got.size());
                counter.apply("marquee.source.candidates", id).increment(got.size());
                all.addAll(got);
            }
        }
        return all;
    }

    /** Runs an inline source on this thread; null when it failed or the request deadline had already passed. */
    private List<Candidate> runInline(GatedSource g, FeedQuery query, long deadlineNanos, Map<String, String> degraded) {
        String id = g.source().id().name();
        long begin = clock.nanos();
        if (begin > deadlineNanos) {
            degraded.put(id, "late: the request deadline passed before it ran, skipped");
            counter.apply("marquee.pipeline.late", id).increment();
            return null;
        }
        try {
            List<Candidate> got = g.source().fetch(query);
            if (clock.nanos() - begin > g.budget().toNanos()) {
                degraded.put(id, "late: over its " + g.budget().toMillis() + " ms budget (inline, kept)");
                counter.apply("marquee.pipeline.late", id).increment();
            }
            return got;
        } catch (RuntimeException e) {
            throttle.warn("source." + id, "source {} failed: {}", id, e.toString());
            degraded.put(id, "failed: " + e.getClass().getSimpleName() + ", dropped");
            counter.apply("marquee.pipeline.fallbacks", id).increment();
            return null;
        }
    }

    /** Waits for a parallel source within its budget; null when it failed or ran late (it is then cancelled). */
    private List<Candidate> await(GatedSource g, Future<List<Candidate>> future, long started, long deadlineNanos,
                                  Map<String, String> degraded) {
        String id = g.source().id().name();
        long until = Math.min(deadlineNanos, started + g.budget().toNanos());
        try {
            return future.get(Math.max(0, until - clock.nanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            degraded.put(id, "late: over its " + g.budget().toMillis() + " ms budget, dropped");
            counter.apply("marquee.pipeline.late", id).increment();
        } catch (java.util.concurrent.ExecutionException e) {
            throttle.warn("source." + id, "source {} failed: {}", id, e.getCause().toString());
            degraded.put(id, "failed: " + e.getCause().getClass().getSimpleName() + ", dropped");
            counter.apply("marquee.pipeline.fallbacks", id).increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            degraded.put(id, "interrupted");
        }
        return null;
    }
}
