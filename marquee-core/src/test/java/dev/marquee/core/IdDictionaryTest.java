package dev.marquee.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
