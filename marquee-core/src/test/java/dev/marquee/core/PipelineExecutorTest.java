package dev.marquee.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineExecutorTest {
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final PipelineExecutor executor = new PipelineExecutor(
            new PipelineConfig(Duration.ofMillis(200), 100, 1), pool, metrics, Clock.SYSTEM);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        never.countDown();
        executor.close();
        pool.shutdownNow();
    }

    static CandidateSource source(String name, int... videos) {
        return new CandidateSource() {
            public ComponentId id() {
                return ComponentId.of(name);
            }

            public List<Candidate> fetch(FeedQuery q) {
                List<Candidate> out = new ArrayList<>();
                for (int v : videos) {
                    out.add(Candidate.from(v, name, 1f / (v + 1)));
                }
                return out;
            }
        };
    }

    static final Selector CONCAT = new Selector() {
        public ComponentId id() {
            return ComponentId.of("concat");
        }

        public List<Candidate> select(FeedQuery q, List<Candidate> c) {
            return c;
        }
    };

    static Scorer scorer(String name, boolean fail) {
        return new Scorer() {
            public ComponentId id() {
                return ComponentId.of(name);
            }

            public void score(FeedQuery q, List<Candidate> cs) {
                if (fail) {
                    throw new IllegalStateException("model not loaded");
                }
                for (Candidate c : cs) {
                    c.score(name, c.video());
                }
            }
        };
    }

    static final Selector SORT = new Selector() {
        public ComponentId id() {
            return ComponentId.of("sort");
        }

        public List<Candidate> select(FeedQuery q, List<Candidate> c) {
            List<Candidate> out = new ArrayList<>(c);
            out.sort(Comparator.comparingDouble((Candidate x) -> x.score()).reversed());
            return out;
        }
    };

    private Pipeline pipeline(List<GatedSource> sources, List<ScoringStage> scorers, List<SideEffect> effects) {
        return new Pipeline(List.of(), sources, CONCAT, List.of(), List.of(), scorers, List.of(SORT), effects);
    }

    private static FeedQuery query() {
        return FeedQuery.of("r1", "u1", 10, 0, 42, false);
    }

    @Test
    void execute_runsOpenSourcesAndScoresInOrder() {
        Pipeline p = pipeline(List.of(
                        GatedSource.always(source("a", 1, 2), Duration.ofMillis(100)),
                        new GatedSource(source("closed", 9), q -> false, Duration.ofMillis(100)),
                        GatedSource.always(source("b", 3), Duration.ofMillis(100))),
                List.of(new ScoringStage(scorer("rank", false), scorer("fallback", false))), List.of());

        PipelineResult r = executor.execute(p, query());

        assertThat(r.items()).extracting(Candidate::video).containsExactly(3, 2, 1);
        assertThat(r.candidateCounts()).containsEntry("source.a", 2).containsEntry("source.b", 1)
                .doesNotContainKey("source.closed");
        assertThat(r.degraded()).isEmpty();
        assertThat(r.timingsMs()).containsKeys("retrieval", "merge", "scoring.rank", "total");
    }

    @Test
    void execute_dropsLateAndFailingSourcesButAnswers() {
        CandidateSource slow = new CandidateSource() {
            public ComponentId id() {
                return ComponentId.of("slow");
            }

            public List<Candidate> fetch(FeedQuery q) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(Candidate.from(7, "slow", 1));
            }
        };
        CandidateSource broken = new CandidateSource() {
            public ComponentId id() {
                return ComponentId.of("broken");
            }

            public List<Candidate> fetch(FeedQuery q) {
                throw new IllegalStateException("backend down");
            }
        };
        Pipeline p = pipeline(List.of(GatedSource.always(slow, Duration.ofMillis(20)),
                        GatedSource.always(broken, Duration.ofMillis(20)),
                        GatedSource.always(source("ok", 1), Duration.ofMillis(100))),
                List.of(), List.of());

        PipelineResult r = executor.execute(p, query());

        assertThat(r.items()).extracting(Candidate::video).containsExactly(1);
        assertThat(r.degraded()).containsKeys("slow", "broken");
        assertThat(r.degraded().get("slow")).startsWith("late");
        assertThat(r.degraded().get("broken")).startsWith("failed");
        assertThat(metrics.get("marquee.pipeline.late").tag("component", "slow").counter().count()).isEqualTo(1.0);
    }

    @Test
    void execute_runsInlineSourcesOnTheRequestThread_keepingDeclaredOrder() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CandidateSource inline = new CandidateSource() {
            public ComponentId id() {
                return ComponentId.of("inline");
            }

            public List<Candidate> fetch(FeedQuery q) {
                ranOn.set(Thread.currentThread());
                return List.of(Candidate.from(5, "inline", 1));
            }
        };
        Pipeline p = pipeline(List.of(GatedSource.always(source("parallel", 1, 2), Duration.ofMillis(100)),
                        new GatedSource(inline, Gate.ALWAYS, Duration.ofMillis(100), true),
                        new GatedSource(source("closed-inline", 9), q -> false, Duration.ofMillis(100), true)),
                List.of(), List.of());
        Pipeline unsorted = new Pipeline(List.of(), p.sources(), CONCAT, List.of(), List.of(), List.of(), List.of(), List.of());

        PipelineResult r = executor.execute(unsorted, query());

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(r.items()).extracting(Candidate::video).containsExactly(1, 2, 5);
        assertThat(r.candidateCounts()).containsEntry("source.inline", 1).doesNotContainKey("source.closed-inline");
        assertThat(r.degraded()).isEmpty();
    }

    @Test
    void execute_dropsAFailingInlineSource_andKeepsALateOneMarkedLate() {
        long[] now = {0};
        Clock ticking = new Clock() {
            public long millis() {
                return now[0] / 1_000_000;
            }

            public long nanos() {
                return now[0];
            }
        };
        PipelineExecutor manual = new PipelineExecutor(new PipelineConfig(Duration.ofMillis(200), 100, 1), pool,
                metrics, ticking);
        CandidateSource slowInline = new CandidateSource() {
            public ComponentId id() {
                return ComponentId.of("slow-inline");
            }

            public List<Candidate> fetch(FeedQuery q) {
                now[0] += Duration.ofMillis(30).toNanos(); // this source "takes" 30 ms of a 20 ms budget
                return List.of(Candidate.from(4, "slow-inline", 1));
            }
        };
        CandidateSource brokenInline = new CandidateSource() {
            public ComponentId id() {
                return ComponentId.of("broken-inline");
            }

            public List<Candidate> fetch(FeedQuery q) {
                throw new IllegalStateException("index not loaded");
            }
        };
        CandidateSource afterDeadline = source("after-deadline", 8);
        CandidateSource pastDeadline = new CandidateSource() {
            public ComponentId id() {
                return ComponentId.of("eats-the-deadline");
            }

            public List<Candidate> fetch(FeedQuery q) {
                now[0] += Duration.ofMillis(500).toNanos();
                return List.of();
            }
        };
        Pipeline p = pipeline(List.of(new GatedSource(slowInline, Gate.ALWAYS, Duration.ofMillis(20), true),
                        new GatedSource(brokenInline, Gate.ALWAYS, Duration.ofMillis(20), true),
                        new GatedSource(pastDeadline, Gate.ALWAYS, Duration.ofSeconds(1), true),
                        new GatedSource(afterDeadline, Gate.ALWAYS, Duration.ofMillis(20), true)),
                List.of(), List.of());
        try {
            PipelineResult r = manual.execute(p, query());

            assertThat(r.items()).extracting(Candidate::video).containsExactly(4);
            assertThat(r.degraded().get("slow-inline")).startsWith("late").contains("kept");
            assertThat(r.degraded().get("broken-inline")).startsWith("failed");
            assertThat(r.degraded().get("after-deadline")).contains("skipped");
        } finally {
            manual.close();
        }
    }

    @Test
    void execute_replacesFailingScorerByItsFallback() {
        Pipeline p = pipeline(List.of(GatedSource.always(source("a", 1, 2, 3), Duration.ofMillis(100))),
                List.of(new ScoringStage(scorer("ranker", true), scorer("trending-order", false))), List.of());

        PipelineResult r = executor.execute(p, query());

        assertThat(r.items()).extracting(Candidate::video).containsExactly(3, 2, 1);
        assertThat(r.items().getFirst().stageScores()).containsKey("trending-order");
        assertThat(r.degraded()).containsKey("ranker");
    }

    @Test
    void execute_runsSideEffectsWithTheResult() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<PipelineResult> seen = new AtomicReference<>();
        SideEffect log = new SideEffect() {
            public ComponentId id() {
                return ComponentId.of("log");
            }

            public void run(FeedQuery q, PipelineResult r) {
                seen.set(r);
                ran.countDown();
            }
        };
        Pipeline p = pipeline(List.of(GatedSource.always(source("a", 1), Duration.ofMillis(100))), List.of(), List.of(log));

        PipelineResult r = executor.execute(p, query());

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.get()).isSameAs(r);
    }

    @Test
    void execute_countsSideEffectsThatFail() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicBoolean called = new AtomicBoolean();
        SideEffect bad = new SideEffect() {
            public ComponentId id() {
                return ComponentId.of("bad");
            }

            public void run(FeedQuery q, PipelineResult r) {
                called.set(true);
                ran.countDown();
                throw new IllegalStateException("disk full");
            }
        };
        Pipeline p = pipeline(List.of(GatedSource.always(source("a", 1), Duration.ofMillis(100))), List.of(), List.of(bad));
        executor.execute(p, query());
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        executor.close();
        assertThat(metrics.get("marquee.side_effects.failed").tag("component", "bad").counter().count()).isEqualTo(1.0);
    }

    @Test
    void close_waitsForEveryQueuedSideEffect() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        SideEffect blocked = new SideEffect() {
            public ComponentId id() {
                return ComponentId.of("blocked");
            }

            public void run(FeedQuery q, PipelineResult r) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                done.incrementAndGet();
            }
        };
        Pipeline p = pipeline(List.of(GatedSource.always(source("a", 1), Duration.ofMillis(100))), List.of(), List.of(blocked));
        for (int i = 0; i < 50; i++) {
            executor.execute(p, query());
        }
        Thread closer = Thread.ofPlatform().start(executor::close);

        release.countDown();
        closer.join();

        assertThat(done.get()).as("queued impressions are written before close returns").isEqualTo(50);
    }
}
