package dev.marquee.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextEncoderTest {
    ExecutorService pool;
    TextEncoder encoder;

    @BeforeAll
    void start() {
        pool = Executors.newFixedThreadPool(2);
        encoder = new TextEncoder(pool, 10_000);
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void sameTopicTitles_areCloserThanCrossTopicTitles() {
        float[] chessA = encoder.encode(new VideoText("Queen's gambit opening explained for beginners", List.of("chess", "opening")));
        float[] chessB = encoder.encode(new VideoText("Grandmaster endgame tactics: checkmate with rook and king", List.of("chess")));
        float[] footballA = encoder.encode(new VideoText("Top 10 penalty kicks and goals of the season", List.of("football", "soccer")));
        float[] footballB = encoder.encode(new VideoText("Striker scores a hat-trick in the derby match", List.of("football")));
        float[] cooking = encoder.encode(new VideoText("Easy homemade pasta with garlic and tomato sauce", List.of("cooking", "recipe")));
        assertThat(cos(chessA, chessB)).isGreaterThan(cos(chessA, footballA)).isGreaterThan(cos(chessA, cooking));
        assertThat(cos(footballA, footballB)).isGreaterThan(cos(footballA, chessB)).isGreaterThan(cos(footballA, cooking));
    }

    @Test
    void vectors_areUnitLength() {
        float[] v = encoder.encode(new VideoText("Travel vlog: three days in Lisbon", List.of()));
        assertThat(v).hasSize(TextEncoder.DIMENSION);
        assertThat(cos(v, v)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void repeatedText_isServedFromCacheWithTheSameVector() {
        VideoText text = new VideoText("Knife skills: how to dice an onion", List.of("cooking"));
        float[] first = encoder.encode(text);
        long hits = encoder.cacheHits();
        float[] second = encoder.encode(text);
        assertThat(encoder.cacheHits()).isEqualTo(hits + 1);
        assertThat(second).containsExactly(first);
    }

    @Test
    void paddedBatches_equalTheOneTextPath_forMixedLengthsDuplicatesAndTruncatedTexts() {
        List<VideoText> texts = new ArrayList<>(CatalogueTitles.generate(30, 5));
        texts.add(new VideoText("Go", List.of()));
        texts.add(texts.get(3));
        texts.add(new VideoText("a very long description ".repeat(60), List.of("long", "truncated")));
        float[] batch = new float[texts.size() * TextEncoder.DIMENSION];
        encoder.encodeInto(texts, batch);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = encoder.encodeOneByOne(texts.get(i));
            float[] row = java.util.Arrays.copyOfRange(batch, i * TextEncoder.DIMENSION, (i + 1) * TextEncoder.DIMENSION);
            assertThat(cos(row, single)).as("text %d: %s", i, texts.get(i).title()).isGreaterThan(1 - 1e-4f);
        }
    }

    @Test
    void quantizedVariant_runsOneTextPerRun_soItsVectorsDoNotDependOnBatchMates() {
        TextEncoder quantized = new TextEncoder(pool, 0,
                TextEncoderConfig.forExecutor(pool).withVariant(MiniLmVariant.QUANTIZED).withMaxBatch(32));
        List<VideoText> texts = CatalogueTitles.generate(6, 11);
        float[] batch = new float[texts.size() * TextEncoder.DIMENSION];
        quantized.encodeInto(texts, batch);
        for (int i = 0; i < texts.size(); i++) {
            float[] row = java.util.Arrays.copyOfRange(batch, i * TextEncoder.DIMENSION, (i + 1) * TextEncoder.DIMENSION);
            assertThat(cos(row, quantized.encodeOneByOne(texts.get(i)))).isGreaterThan(1 - 1e-6f);
        }
        assertThat(cos(quantized.encode(texts.get(0)), encoder.encode(texts.get(0))))
                .as("the two exports agree roughly, not exactly").isBetween(0.9f, 0.9999f);
    }

    @Test
    void shortOutputBuffer_isRejected() {
        assertThatThrownBy(() -> encoder.encodeInto(CatalogueTitles.generate(2, 1), new float[TextEncoder.DIMENSION]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output holds 384 floats, needs 768");
    }

    @Test
    void blankTitle_isRejected() {
        assertThatThrownBy(() -> new VideoText("  ", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title must be non-blank");
    }

    private static float cos(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
