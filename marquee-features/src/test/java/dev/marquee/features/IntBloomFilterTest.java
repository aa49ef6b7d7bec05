package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntBloomFilterTest {
    @Test
    void serialForm_isByteIdenticalToGuavasIntegerBloomFilter() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (long expected : new long[] {1, 64, 1_000, 65_536}) {
            for (double fpp : new double[] {0.005, 0.0003125, 0.1}) {
                BloomFilter<Integer> guava = BloomFilter.create(Funnels.integerFunnel(), expected, fpp);
                IntBloomFilter ours = IntBloomFilter.create(expected, fpp);
                for (int i = 0; i < expected; i++) {
                    int key = random.nextInt(); // negative keys too: the hash reads the int's raw bytes
                    guava.put(key);
                    ours.put(key);
                }
                assertThat(bytes(ours)).as("n=%d p=%s", expected, fpp).isEqualTo(guavaBytes(guava));
            }
        }
    }

    @Test
    void readsGuavaSnapshots_andAnswersLikeGuava() throws IOException {
        BloomFilter<Integer> guava = BloomFilter.create(Funnels.integerFunnel(), 2_000, 0.005);
        for (int v = 0; v < 2_000; v++) {
            guava.put(v * 31);
        }
        IntBloomFilter ours = IntBloomFilter.readFrom(new DataInputStream(new ByteArrayInputStream(guavaBytes(guava))));
        int disagreements = 0;
        for (int probe = -50_000; probe < 200_000; probe++) {
            disagreements += ours.mightContain(probe) == guava.mightContain(probe) ? 0 : 1;
        }
        assertThat(disagreements).isZero();
        BloomFilter<Integer> back = BloomFilter.readFrom(new ByteArrayInputStream(bytes(ours)), Funnels.integerFunnel());
        assertThat(back.mightContain(31 * 1_999)).isTrue();
    }

    @Test
    void readFrom_rejectsAnotherStrategy() {
        byte[] form = {0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> IntBloomFilter.readFrom(new DataInputStream(new ByteArrayInputStream(form))))
                .isInstanceOf(IOException.class).hasMessageContaining("Bloom strategy 0");
    }

    @Test
    void create_rejectsOutOfRangeRate() {
        assertThatThrownBy(() -> IntBloomFilter.create(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> IntBloomFilter.create(-1, 0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
    }

    private static byte[] bytes(IntBloomFilter f) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        f.writeTo(new DataOutputStream(b));
        return b.toByteArray();
    }

    private static byte[] guavaBytes(BloomFilter<Integer> f) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        f.writeTo(b);
        return b.toByteArray();
    }
}
