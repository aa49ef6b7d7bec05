package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicVocabularyTest {

    @Test
    void shippedVocabulary_has64ThemesOfRealWords_in13Categories() {
        TopicVocabulary vocabulary = TopicVocabulary.load();
        assertThat(vocabulary.topics()).hasSize(64);
        assertThat(vocabulary.topics().stream().map(TopicVocabulary.Topic::category).distinct()).hasSize(13);
        assertThat(vocabulary.topics()).allSatisfy(t -> assertThat(t.words()).hasSizeBetween(25, 40));
        assertThat(vocabulary.topics().stream().map(TopicVocabulary.Topic::name))
                .contains("cooking", "football", "chess", "travel vlogs", "music production", "gardening", "astronomy");
        assertThat(vocabulary.commonWords()).hasSizeGreaterThan(20);
        assertThat(vocabulary.templates()).hasSizeGreaterThan(20);
    }

    @Test
    void interleaved_spansCategoriesBeforeRepeatingOne() {
        List<TopicVocabulary.Topic> first13 = TopicVocabulary.load().interleaved(13);
        Set<String> categories = new HashSet<>();
        first13.forEach(t -> categories.add(t.category()));
        assertThat(categories).hasSize(13);
    }

    @Test
    void parse_reportsLineAndProblem() {
        assertThatThrownBy(() -> TopicVocabulary.parse(List.of("@category food", "cooking: pan pot"), "x.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.txt:2: topic 'cooking' needs at least 10 words, has 2");
        assertThatThrownBy(() -> TopicVocabulary.parse(List.of("# c", "cooking: a b c d e f g h i j"), "x.txt"))
                .hasMessage("x.txt:2: topic before any @category line");
        assertThatThrownBy(() -> TopicVocabulary.parse(List.of("@template no slots here"), "x.txt"))
                .hasMessageContaining("x.txt:1: template needs at least one {t} slot");
        assertThatThrownBy(() -> TopicVocabulary.load().interleaved(65))
                .hasMessage("topics must be in [1, 64], got 65");
    }
}
