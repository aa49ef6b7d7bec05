package dev.marquee.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a video's title and tags from its topics' words, deterministically from the video's own random
 * stream, so text never needs to be stored. A title fills a template ({@code {t}} main-topic word,
 * {@code {s}} second-topic word, {@code {c}} common word, {@code {n}} number); '-' in compound words
 * becomes a space in titles and stays in tags. Tags: 3–5 distinct main-topic words plus one second-topic word.
 */
final class TitleWriter {
    private static final int[] NUMBERS = {3, 5, 7, 10, 12, 15, 20, 30, 50, 100};

    private final TopicSpace topics;

    TitleWriter(TopicSpace topics) {
        this.topics = topics;
    }

    String title(int mainTopic, int secondTopic, SimRandom rng) {
        String template = topics.templates[rng.nextInt(topics.templates.length)];
        String[] mainWords = topics.words[mainTopic];
        StringBuilder out = new StringBuilder(64);
        int lastWord = -1;
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                char slot = template.charAt(i + 1);
                switch (slot) {
                    case 't' -> {
                        int w = rng.nextInt(mainWords.length);
                        if (w == lastWord) {
                            w = (w + 1) % mainWords.length;
                        }
                        lastWord = w;
                        out.append(mainWords[w].replace('-', ' '));
                    }
                    case 's' -> out.append(pick(topics.words[secondTopic], rng).replace('-', ' '));
                    case 'c' -> out.append(pick(topics.commonWords, rng));
                    case 'n' -> out.append(NUMBERS[rng.nextInt(NUMBERS.length)]);
                    default -> throw new IllegalStateException("unknown template slot {" + slot + "} in: " + template);
                }
                i += 2;
            } else {
                out.append(ch);
            }
        }
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        return out.toString();
    }

    List<String> tags(int mainTopic, int secondTopic, SimRandom rng) {
        String[] mainWords = topics.words[mainTopic];
        int count = 3 + rng.nextInt(3);
        List<String> tags = new ArrayList<>(count + 1);
        for (int attempt = 0; tags.size() < count && attempt < 4 * count; attempt++) {
            String word = pick(mainWords, rng);
            if (!tags.contains(word)) {
                tags.add(word);
            }
        }
        if (secondTopic != mainTopic) {
            String word = pick(topics.words[secondTopic], rng);
            if (!tags.contains(word)) {
                tags.add(word);
            }
        }
        return tags;
    }

    private static String pick(String[] words, SimRandom rng) {
        return words[rng.nextInt(words.length)];
    }
}
