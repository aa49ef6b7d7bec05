package dev.marquee.feed.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextVectorStoreTest {
    static final int D = 4;
    @TempDir
    Path dir;

    private static float[] rows(float... values) {
        return values;
    }

    @Test
    void putAll_thenReopen_readsTheSameVectors() throws IOException {
        Path file = dir.resolve("text.vec");
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            store.putAll(List.of("a", "b"), new long[] {11, 22}, rows(1, 2, 3, 4, 5, 6, 7, 8));
        }
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            float[] out = new float[D];
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.get("b", 22, out, 0)).isTrue();
            assertThat(out).containsExactly(5, 6, 7, 8);
        }
    }

    @Test
    void get_changedText_misses_andTheLatestRecordWins() throws IOException {
        Path file = dir.resolve("text.vec");
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            store.putAll(List.of("a"), new long[] {1}, rows(1, 1, 1, 1));
            float[] out = new float[D];
            assertThat(store.get("a", 2, out, 0)).isFalse();
            store.putAll(List.of("a"), new long[] {2}, rows(2, 2, 2, 2));
        }
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            float[] out = new float[2 * D];
            assertThat(store.get("a", 1, out, 0)).isFalse();
            assertThat(store.get("a", 2, out, D)).isTrue();
            assertThat(out).containsExactly(0, 0, 0, 0, 2, 2, 2, 2);
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void open_tornTail_isTruncatedAndAppendsContinue() throws IOException {
        Path file = dir.resolve("text.vec");
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            store.putAll(List.of("a", "b"), new long[] {1, 2}, rows(1, 1, 1, 1, 2, 2, 2, 2));
        }
        long full = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(full - 5); // a crash in the middle of b's record
        }
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            float[] out = new float[D];
            assertThat(store.get("a", 1, out, 0)).isTrue();
            assertThat(store.get("b", out, 0)).isFalse();
            store.putAll(List.of("c"), new long[] {3}, rows(3, 3, 3, 3));
        }
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            float[] out = new float[D];
            assertThat(store.get("c", 3, out, 0)).isTrue();
            assertThat(out).containsExactly(3, 3, 3, 3);
        }
    }

    @Test
    void open_corruptRecord_dropsItAndEverythingAfter() throws IOException {
        Path file = dir.resolve("text.vec");
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            store.putAll(List.of("a", "b"), new long[] {1, 2}, rows(1, 1, 1, 1, 2, 2, 2, 2));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 0x55; // flip bits inside b's vector
        Files.write(file, bytes);
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.get("a", new float[D], 0)).isTrue();
        }
    }

    @Test
    void open_otherFileOrDimension_failsWithAClearMessage() throws IOException {
        Path file = dir.resolve("text.vec");
        TextVectorStore.open(file, D).close();
        assertThatThrownBy(() -> TextVectorStore.open(file, 8)).isInstanceOf(IOException.class)
                .hasMessageContaining("expected version 1 / 8-d");
        Path other = dir.resolve("other");
        Files.writeString(other, "definitely not vectors");
        assertThatThrownBy(() -> TextVectorStore.open(other, D)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad magic");
    }

    @Test
    void putAll_invalidInput_isRejected() throws IOException {
        try (TextVectorStore store = TextVectorStore.open(dir.resolve("text.vec"), D)) {
            assertThatThrownBy(() -> store.putAll(List.of("a"), new long[] {1}, new float[2]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 1 fingerprints and 4 floats");
            assertThatThrownBy(() -> store.putAll(List.of(""), new long[] {1}, new float[D]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("video id must be");
        }
    }

    private static float[] vectorOf(int id, int version) {
        return new float[] {id, version, -id, id * 0.5f + version};
    }

    @Test
    void manyIds_acrossTableGrowthAndRemaps_readBackExactly_alsoAfterReopen() throws IOException {
        Path file = dir.resolve("text.vec");
        int n = 5_000;
        try (TextVectorStore store = TextVectorStore.open(file, D, 1_000)) { // remaps every ~25 records
            for (int from = 0; from < n; from += 37) {
                int to = Math.min(n, from + 37);
                List<String> ids = new ArrayList<>();
                long[] prints = new long[to - from];
                float[] rows = new float[(to - from) * D];
                for (int i = from; i < to; i++) {
                    ids.add("video-" + i);
                    prints[i - from] = i;
                    System.arraycopy(vectorOf(i, 1), 0, rows, (i - from) * D, D);
                }
                store.putAll(ids, prints, rows);
            }
            store.putAll(List.of("video-7", "vidéo-ü"), new long[] {70, 71}, concat(vectorOf(7, 2), vectorOf(-1, 3)));
            assertAll(store, n);
        }
        try (TextVectorStore store = TextVectorStore.open(file, D)) {
            assertAll(store, n);
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void assertAll(TextVectorStore store, int n) {
        assertThat(store.size()).isEqualTo(n + 1);
        float[] out = new float[D];
        for (int i = 0; i < n; i++) {
            if (i == 7) {
                continue;
            }
            assertThat(store.get("video-" + i, i, out, 0)).as("video-%d", i).isTrue();
            assertThat(out).containsExactly(vectorOf(i, 1));
        }
        assertThat(store.get("video-7", 7, out, 0)).isFalse();
        assertThat(store.get("video-7", 70, out, 0)).isTrue();
        assertThat(out).containsExactly(vectorOf(7, 2));
        assertThat(store.get("vidéo-ü", out, 0)).isTrue();
        assertThat(out).containsExactly(vectorOf(-1, 3));
        assertThat(store.get("video-" + n, out, 0)).isFalse();
        assertThat(store.get("video", out, 0)).isFalse();
    }

    @Test
    void readers_duringAppends_seeEveryReturnedPutWhole() throws Exception {
        Path file = dir.resolve("text.vec");
        int n = 3_000;
        try (TextVectorStore store = TextVectorStore.open(file, D, 2_000)) {
            AtomicInteger published = new AtomicInteger(-1);
            AtomicReference<AssertionError> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(2);
            Runnable reader = () -> {
                float[] out = new float[D];
                java.util.SplittableRandom r = new java.util.SplittableRandom(Thread.currentThread().threadId());
                try {
                    while (published.get() < n - 1) {
                        int upTo = published.get();
                        if (upTo < 0) {
                            continue;
                        }
                        int i = r.nextInt(upTo + 1);
                        if (!store.get("v" + i, i, out, 0) || out[0] != i || out[3] != i * 0.5f + 1) {
                            throw new AssertionError("v" + i + " read " + java.util.Arrays.toString(out));
                        }
                    }
                } catch (AssertionError e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            };
            Thread.ofPlatform().start(reader);
            Thread.ofPlatform().start(reader);
            for (int i = 0; i < n; i++) {
                store.putAll(List.of("v" + i), new long[] {i}, vectorOf(i, 1));
                published.set(i);
            }
            done.await();
            assertThat(failure.get()).isNull();
        }
    }
}
