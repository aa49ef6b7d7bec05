package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MetadataBlocksTest {
    /** Entry bytes as stored: a length the reader cannot know, so the test reads back {@code expected.length}. */
    private static byte[] read(MetadataBlocks m, int video, int length) {
        byte[] block = m.block(video);
        int at = block == null ? -1 : MetadataBlocks.start(block, video);
        return at < 0 ? null : Arrays.copyOfRange(block, at, at + length);
    }

    private static byte[] bytes(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    @Test
    void entries_readBackAcrossBlocks_andAbsentOnesAreNull() {
        MetadataBlocks m = new MetadataBlocks();
        m.ensure(100);
        for (int v = 0; v < 100; v += 3) {
            m.put(v, bytes(v, 1 + v % 7));
        }
        for (int v = 0; v < 100; v++) {
            if (v % 3 == 0) {
                assertThat(read(m, v, 1 + v % 7)).isEqualTo(bytes(v, 1 + v % 7));
            } else {
                assertThat(read(m, v, 1)).isNull();
            }
        }
    }

    @Test
    void replacing_anEntry_keepsItsNeighbours_whateverTheSizes() {
        MetadataBlocks m = new MetadataBlocks();
        m.ensure(MetadataBlocks.BLOCK);
        for (int v = 0; v < MetadataBlocks.BLOCK; v++) {
            m.put(v, bytes(v, 10));
        }
        m.put(5, bytes(99, 300)); // a two-byte length
        m.put(0, bytes(98, 1));
        m.put(MetadataBlocks.BLOCK - 1, bytes(97, 20_000)); // a three-byte length
        m.put(5, bytes(96, 2));
        for (int v = 0; v < MetadataBlocks.BLOCK; v++) {
            byte[] expected = switch (v) {
                case 0 -> bytes(98, 1);
                case 5 -> bytes(96, 2);
                case MetadataBlocks.BLOCK - 1 -> bytes(97, 20_000);
                default -> bytes(v, 10);
            };
            assertThat(read(m, v, expected.length)).as("video %d", v).isEqualTo(expected);
        }
    }

    @Test
    void readers_seeWholeEntriesWhileTheWriterReplacesThem() throws Exception {
        MetadataBlocks m = new MetadataBlocks();
        int videos = 64;
        m.ensure(videos);
        for (int v = 0; v < videos; v++) {
            m.put(v, filled(v, 0, 8));
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!done.get() && failure.get() == null) {
                for (int v = 0; v < videos; v++) {
                    byte[] block = m.block(v);
                    int at = MetadataBlocks.start(block, v);
                    int version = block[at + 1];
                    int length = block[at - 1]; // lengths stay below 128: one varint byte
                    for (int i = 0; i < length; i++) {
                        if (block[at + i] != (i == 0 ? v : version)) {
                            failure.set("video " + v + " byte " + i + " of version " + version);
                        }
                    }
                }
            }
        });
        for (int round = 1; round < 2_000; round++) {
            for (int v = 0; v < videos; v++) {
                m.put(v, filled(v, round % 100, 2 + (v + round) % 100));
            }
        }
        done.set(true);
        reader.join();
        assertThat(failure.get()).isNull();
    }

    /** {@code length} bytes: the video id, then {@code version} repeated. */
    private static byte[] filled(int video, int version, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) version);
        b[0] = (byte) video;
        return b;
    }
}
