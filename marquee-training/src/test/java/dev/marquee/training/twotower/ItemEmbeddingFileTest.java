package dev.marquee.training.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemEmbeddingFileTest {
    @TempDir
    Path dir;

    @Test
    void write_thenRead_returnsTheSameRows() throws IOException {
        CatalogueEmbeddings e = new CatalogueEmbeddings(new String[] {"v1", "vidéo-2"}, new boolean[] {false, true},
                new float[] {0.6f, 0.8f, 1f, 0f}, 2);
        Path file = dir.resolve(ItemEmbeddingFile.FILE_NAME);
        ItemEmbeddingFile.write(file, e);
        CatalogueEmbeddings back = ItemEmbeddingFile.read(file);
        assertThat(back.videoIds()).containsExactly("v1", "vidéo-2");
        assertThat(back.contentOnly()).containsExactly(false, true);
        assertThat(back.vectors()).containsExactly(0.6f, 0.8f, 1f, 0f);
    }

    @Test
    void read_rejectsForeignAndTruncatedFiles() throws IOException {
        Path foreign = Files.write(dir.resolve("foreign.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> ItemEmbeddingFile.read(foreign)).isInstanceOf(IOException.class).hasMessageContaining("bad magic");
        Path file = dir.resolve("whole.bin");
        ItemEmbeddingFile.write(file, new CatalogueEmbeddings(new String[] {"a"}, new boolean[] {false}, new float[] {1f, 0f}, 2));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.bin"), Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> ItemEmbeddingFile.read(truncated)).isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }
}
