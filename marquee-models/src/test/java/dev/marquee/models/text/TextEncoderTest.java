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
    void batchEncoding_matchesOneByOneAndReportsThroughput() {
        String[] topics = {"chess", "football", "cooking", "travel", "guitar", "fitness", "gaming", "painting"};
        String[] verbs = {"beginner guide to", "advanced tips for", "my first week of", "ten mistakes in", "history of"};
        List<VideoText> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(new VideoText(verbs[i % verbs.length] + " " + topics[i % topics.length] + " part " + i,
                    List.of(topics[i % topics.length])));
        }
        float[] batch = new float[texts.size() * TextEncoder.DIMENSION];
        long start = System.nanoTime();
        encoder.encodeInto(texts, batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("text encoder: %d vectors in %.2f s = %.0f vectors/s (2 executor threads)%n",
                texts.size(), seconds, texts.size() / seconds);
        TextEncoder uncached = new TextEncoder(pool, 0);
        float[] single = uncached.encode(texts.get(17));
        for (int i = 0; i < TextEncoder.DIMENSION; i++) {
            assertThat(batch[17 * TextEncoder.DIMENSION + i]).isCloseTo(single[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
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
