package dev.marquee.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The themed English word lists of {@code topics.txt} (format described at the top of that file): topics
 * grouped into categories, shared filler words and title templates. Real words so a sentence encoder
 * sees meaningful titles; kept in a resource so the lists can be edited without touching code.
 */
final class TopicVocabulary {
    static final String RESOURCE = "topics.txt";

    record Topic(String name, String category, List<String> words) {
    }

    private final List<Topic> topics;
    private final List<String> commonWords;
    private final List<String> templates;

    private TopicVocabulary(List<Topic> topics, List<String> commonWords, List<String> templates) {
        this.topics = List.copyOf(topics);
        this.commonWords = List.copyOf(commonWords);
        this.templates = List.copyOf(templates);
    }

    /** The vocabulary shipped with the module. */
    static TopicVocabulary load() {
        try (InputStream in = TopicVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/marquee/sim/" + RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCE, e);
        }
    }

    static TopicVocabulary parse(List<String> lines, String source) {
        List<Topic> topics = new ArrayList<>();
        List<String> common = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        String category = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = source + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@category ")) {
                category = line.substring("@category ".length()).strip();
            } else if (line.startsWith("@common ")) {
                common.addAll(words(line.substring("@common ".length())));
            } else if (line.startsWith("@template ")) {
                String template = line.substring("@template ".length()).strip();
                if (!template.contains("{t}")) {
                    throw new IllegalArgumentException(where + "template needs at least one {t} slot: " + template);
                }
                templates.add(template);
            } else if (line.startsWith("@")) {
                throw new IllegalArgumentException(where + "unknown directive: " + line);
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException(where + "expected 'topic name: words...', got: " + line);
                }
                if (category == null) {
                    throw new IllegalArgumentException(where + "topic before any @category line");
                }
                String name = line.substring(0, colon).strip();
                List<String> words = List.copyOf(new LinkedHashSet<>(words(line.substring(colon + 1))));
                if (words.size() < 10) {
                    throw new IllegalArgumentException(where + "topic '" + name + "' needs at least 10 words, has " + words.size());
                }
                if (!names.add(name)) {
                    throw new IllegalArgumentException(where + "duplicate topic '" + name + "'");
                }
                topics.add(new Topic(name, category, words));
            }
        }
        if (topics.isEmpty() || common.isEmpty() || templates.isEmpty()) {
            throw new IllegalArgumentException(source + ": needs topics, an @common line and @template lines (topics="
                    + topics.size() + ", common=" + common.size() + ", templates=" + templates.size() + ")");
        }
        return new TopicVocabulary(topics, common, templates);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    List<Topic> topics() {
        return topics;
    }

    List<String> commonWords() {
        return commonWords;
    }

    List<String> templates() {
        return templates;
    }

    /**
     * The first {@code n} topics taken round-robin across categories (first topic of each category, then
     * the second, ...), so a small world still spans many categories.
     */
    List<Topic> interleaved(int n) {
        if (n < 1 || n > topics.size()) {
            throw new IllegalArgumentException("topics must be in [1, " + topics.size() + "], got " + n);
        }
        List<String> categories = topics.stream().map(Topic::category).distinct().toList();
        List<List<Topic>> byCategory = categories.stream()
                .map(c -> topics.stream().filter(t -> t.category().equals(c)).toList()).toList();
        List<Topic> out = new ArrayList<>(n);
        for (int round = 0; out.size() < n; round++) {
            for (List<Topic> group : byCategory) {
                if (round < group.size() && out.size() < n) {
                    out.add(group.get(round));
                }
            }
        }
        return out;
    }
}
