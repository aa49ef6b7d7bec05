package dev.marquee.sim;

/**
 * Creators as parallel primitive arrays (index = dense creator id). A creator has a main topic (drawn by
 * global topic popularity), two secondary topics (usually from the same category), a latent quality
 * (bell-shaped on [0,1]), a power-law upload rate (Pareto, α = 1.2: a few creators upload most videos)
 * and a publishing language.
 */
final class CreatorTable {
    final byte[] mainTopic;
    final byte[] secondTopic;
    final byte[] thirdTopic;
    final float[] quality;
    final double[] uploadRate;
    final byte[] language;

    private CreatorTable(int n) {
        mainTopic = new byte[n];
        secondTopic = new byte[n];
        thirdTopic = new byte[n];
        quality = new float[n];
        uploadRate = new double[n];
        language = new byte[n];
    }

    static CreatorTable generate(int creators, TopicSpace topics, SimRandom rng) {
        CreatorTable table = new CreatorTable(creators);
        for (int c = 0; c < creators; c++) {
            int main = topics.popularTopic(rng);
            table.mainTopic[c] = (byte) main;
            table.secondTopic[c] = (byte) secondary(main, topics, rng);
            table.thirdTopic[c] = (byte) secondary(main, topics, rng);
            double bell = (rng.nextDouble() + rng.nextDouble() + rng.nextDouble()) / 3.0;
            table.quality[c] = (float) (0.05 + 0.9 * bell);
            table.uploadRate[c] = Math.min(rng.nextPareto(1.2, 1.0), 500.0);
            table.language[c] = rng.nextDouble() < Demographics.ENGLISH_CREATOR_SHARE
                    ? Demographics.ENGLISH
                    : (byte) rng.nextWeighted(Demographics.OTHER_LANGUAGE_CUMULATIVE);
        }
        return table;
    }

    private static int secondary(int main, TopicSpace topics, SimRandom rng) {
        return rng.nextDouble() < 0.6 ? topics.sameCategoryTopic(main, rng) : topics.popularTopic(rng);
    }

    int size() {
        return quality.length;
    }

    /**
     * One creator per video slot: every creator once, the remaining slots drawn by upload rate, shuffled,
     * so every creator has at least one video and heavy uploaders dominate.
     */
    int[] assignToVideos(int videos, SimRandom rng) {
        int n = size();
        double[] cumulative = new double[n];
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += uploadRate[c];
            cumulative[c] = sum;
        }
        int[] owner = new int[videos];
        for (int v = 0; v < videos; v++) {
            owner[v] = v < n ? v : rng.nextWeighted(cumulative);
        }
        for (int i = videos - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = owner[i];
            owner[i] = owner[j];
            owner[j] = tmp;
        }
        return owner;
    }
}
