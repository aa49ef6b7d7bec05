package dev.marquee.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The topics and categories of one world, as arrays indexed by topic/category id, plus a global topic
 * popularity (Zipf over a seeded permutation of topics) that creators' and users' interests are drawn from.
 */
final class TopicSpace {
    final String[] topicNames;
    final int[] topicCategory;
    final String[] categoryNames;
    final String[][] words;
    final String[] commonWords;
    final String[] templates;
    /** Cumulative Zipf(0.8) weights over topics: some themes are much bigger than others. */
    final double[] popularityCumulative;

    private TopicSpace(List<TopicVocabulary.Topic> selected, TopicVocabulary vocabulary, SimRandom rng) {
        int n = selected.size();
        topicNames = new String[n];
        topicCategory = new int[n];
        words = new String[n][];
        List<String> categories = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            TopicVocabulary.Topic topic = selected.get(t);
            topicNames[t] = topic.name();
            words[t] = topic.words().toArray(String[]::new);
            if (!categories.contains(topic.category())) {
                categories.add(topic.category());
            }
            topicCategory[t] = categories.indexOf(topic.category());
        }
        categoryNames = categories.toArray(String[]::new);
        commonWords = vocabulary.commonWords().toArray(String[]::new);
        templates = vocabulary.templates().toArray(String[]::new);
        int[] rank = permutation(n, rng);
        popularityCumulative = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += 1.0 / StrictMath.pow(rank[t] + 1, 0.8);
            popularityCumulative[t] = sum;
        }
    }

    static TopicSpace create(TopicVocabulary vocabulary, int topics, SimRandom rng) {
        return new TopicSpace(vocabulary.interleaved(topics), vocabulary, rng);
    }

    int topicCount() {
        return topicNames.length;
    }

    int categoryCount() {
        return categoryNames.length;
    }

    /** A topic drawn by global popularity. */
    int popularTopic(SimRandom rng) {
        return rng.nextWeighted(popularityCumulative);
    }

    /** A topic of the same category as {@code topic} (possibly itself when the category has one topic). */
    int sameCategoryTopic(int topic, SimRandom rng) {
        int category = topicCategory[topic];
        int count = 0;
        for (int c : topicCategory) {
            count += c == category ? 1 : 0;
        }
        int pick = rng.nextInt(count);
        for (int t = 0; t < topicCategory.length; t++) {
            if (topicCategory[t] == category && pick-- == 0) {
                return t;
            }
        }
        throw new IllegalStateException("unreachable: category " + category + " has no topic");
    }

    /** Fisher–Yates permutation of 0..n-1. */
    static int[] permutation(int n, SimRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
