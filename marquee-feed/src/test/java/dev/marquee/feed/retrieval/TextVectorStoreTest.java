package dev.marquee.feed.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
}
