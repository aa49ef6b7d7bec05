package dev.marquee.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdDictionaryTest {
    @Test
    void intern_assignsDenseIdsOnceEach() {
        IdDictionary d = new IdDictionary(2);
        assertThat(d.intern("a")).isZero();
        assertThat(d.intern("b")).isEqualTo(1);
        assertThat(d.intern("a")).isZero();
        assertThat(d.find("c")).isEqualTo(-1);
        assertThat(d.external(1)).isEqualTo("b");
    }

    @Test
    void intern_isConsistentUnderConcurrency() {
        IdDictionary d = new IdDictionary(4);
        IntStream.range(0, 20_000).parallel().forEach(i -> d.intern("id" + (i % 5_000)));
        assertThat(d.size()).isEqualTo(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(d.external(d.find("id" + i))).isEqualTo("id" + i);
        }
    }

    @Test
    void collidingHashCodes_keepTheirOwnIds() {
        // "Aa" and "BB" have the same String.hashCode, and so do all 2^n concatenations of them
        List<String> colliding = new ArrayList<>();
        for (int bits = 0; bits < 1 << 8; bits++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                b.append((bits >> k & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(b.toString());
        }
        assertThat(colliding.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        IdDictionary d = new IdDictionary(4);
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(d.intern(colliding.get(i))).isEqualTo(2 * i);
            assertThat(d.intern("other" + i)).isEqualTo(2 * i + 1); // interleaved with other ids
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(d.find(colliding.get(i))).isEqualTo(2 * i);
            assertThat(d.external(2 * i)).isEqualTo(colliding.get(i));
        }
        assertThat(d.find("AaAaAaAaAaAaAaAaAa")).isEqualTo(-1);
    }

    @Test
    void anyChars_roundTripExactly() {
        IdDictionary d = new IdDictionary(2);
        List<String> ids = List.of("ÿé-latin1", "日本語", "mixed ÿ 語", "\uD800 unpaired", "\uDFFF", "", "a\u0000b",
                "x".repeat(300), "🎵", "\u0100");
        for (int i = 0; i < ids.size(); i++) {
            assertThat(d.intern(ids.get(i))).isEqualTo(i);
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(d.find(new String(ids.get(i)))).isEqualTo(i);
            assertThat(d.external(i)).isEqualTo(ids.get(i));
        }
        assertThat(d.find("日本")).isEqualTo(-1);
        assertThat(d.find("ÿé-latin")).isEqualTo(-1);
        assertThat(d.find("\uD801 unpaired")).isEqualTo(-1);
    }

    @Test
    void growth_keepsEveryIdAndOrder() {
        IdDictionary d = new IdDictionary(1);
        for (int i = 0; i < 200_000; i++) {
            assertThat(d.intern("v" + i)).isEqualTo(i);
        }
        assertThat(d.size()).isEqualTo(200_000);
        for (int i = 0; i < 200_000; i++) {
            assertThat(d.find("v" + i)).isEqualTo(i);
            assertThat(d.external(i)).isEqualTo("v" + i);
        }
        assertThat(d.find("v200000")).isEqualTo(-1);
    }

    @Test
    void unknownIds_areReportedNotInvented() {
        IdDictionary d = new IdDictionary(16);
        d.intern("a");
        assertThat(d.find("b")).isEqualTo(-1);
        assertThat(d.find("")).isEqualTo(-1);
        assertThat(d.find(null)).isEqualTo(-1);
        assertThat(d.intern("")).isEqualTo(1);
        assertThat(d.find("")).isEqualTo(1);
        assertThatThrownBy(() -> d.external(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.external(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.external(1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.intern(null)).isInstanceOf(NullPointerException.class);
        assertThat(d.size()).isEqualTo(2);
    }

    @Test
    void readers_seeEveryPublishedIdWhileTheWriterGrowsTheTable() throws Exception {
        IdDictionary d = new IdDictionary(4);
        int n = 300_000;
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(3);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int seed = r;
            readers.add(Thread.ofPlatform().start(() -> {
                started.countDown();
                java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                while (!done.get() && failure.get() == null) {
                    int size = d.size();
                    if (size == 0) {
                        continue;
                    }
                    int i = random.nextInt(size); // interned before size was published: must be found
                    int found = d.find("id-" + i);
                    if (found != i || !d.external(i).equals("id-" + i)) {
                        failure.set("id-" + i + " -> " + found + " at size " + size);
                    }
                    if (d.find("absent-" + i) != -1) {
                        failure.set("absent-" + i + " found");
                    }
                }
            }));
        }
        started.await();
        for (int i = 0; i < n; i++) {
            d.intern("id-" + i);
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(d.size()).isEqualTo(n);
    }
}
