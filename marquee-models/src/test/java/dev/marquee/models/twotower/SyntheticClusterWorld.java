package dev.marquee.models.twotower;

import dev.marquee.models.IdBuckets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small clustered catalogue for two-tower tests: {@code clusters} topics of {@code perCluster} videos,
 * each topic with its own text direction, creators and category; Zipf popularity inside a topic; users
 * who like one or two topics and watch popular videos of them more. The last {@code unseenPerCluster}
 * videos of every topic never appear in any history (the cold-start set).
 */
final class SyntheticClusterWorld {
    static final int TEXT_DIM = 384;
    final int clusters, perCluster, unseenPerCluster, items;
    final int[] cluster, creator, category;
    final float[] text;
    final double[] itemWeight;
    final IdBuckets videoIds, creatorIds;
    private final SplittableRandom random;

    SyntheticClusterWorld(int clusters, int perCluster, int unseenPerCluster, TwoTowerShape shape, long seed) {
        this.clusters = clusters;
        this.perCluster = perCluster;
        this.unseenPerCluster = unseenPerCluster;
        this.items = clusters * perCluster;
        this.random = new SplittableRandom(seed);
        this.videoIds = shape.videoIds();
        this.creatorIds = shape.creatorIds();
        cluster = new int[items];
        creator = new int[items];
        category = new int[items];
        text = new float[items * TEXT_DIM];
        itemWeight = new double[items];
        float[][] centre = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centre[c] = gaussian(TEXT_DIM, 1.0);
        }
        for (int i = 0; i < items; i++) {
            int c = i / perCluster, rank = i % perCluster;
            cluster[i] = c;
            creator[i] = c * 10 + random.nextInt(10);
            category[i] = c / 4;
            float[] noise = gaussian(TEXT_DIM, 0.8);
            double norm = 0;
            for (int k = 0; k < TEXT_DIM; k++) {
                float v = centre[c][k] + noise[k];
                text[i * TEXT_DIM + k] = v;
                norm += v * v;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < TEXT_DIM; k++) {
                text[i * TEXT_DIM + k] *= inv;
            }
            itemWeight[i] = rank >= perCluster - unseenPerCluster ? 0 : Math.pow(rank + 1, -0.8);
        }
    }

    private float[] gaussian(int n, double std) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) (std * Math.sqrt(-2 * Math.log(Math.max(1e-12, random.nextDouble())))
                    * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return v;
    }

    /** A user's watch sequence: {@code length} videos from one or two liked topics, popularity-weighted. */
    int[] sequence(int length) {
        int first = random.nextInt(clusters);
        int second = random.nextBoolean() ? random.nextInt(clusters) : first;
        int[] seq = new int[length];
        for (int t = 0; t < length; t++) {
            seq[t] = pick(random.nextBoolean() ? first : second);
        }
        return seq;
    }

    private int pick(int c) {
        double total = 0;
        for (int r = 0; r < perCluster; r++) {
            total += itemWeight[c * perCluster + r];
        }
        double u = random.nextDouble() * total;
        for (int r = 0; r < perCluster; r++) {
            u -= itemWeight[c * perCluster + r];
            if (u <= 0) {
                return c * perCluster + r;
            }
        }
        return c * perCluster;
    }

    boolean unseen(int item) {
        return item % perCluster >= perCluster - unseenPerCluster;
    }

    int videoBucket(int item) {
        return videoIds.bucket(item);
    }

    ItemFeatureBatch itemBatch(int[] itemIndexes) {
        int n = itemIndexes.length;
        int[] v = new int[n], c = new int[n], k = new int[n];
        float[] t = new float[n * TEXT_DIM];
        for (int i = 0; i < n; i++) {
            int item = itemIndexes[i];
            v[i] = videoBucket(item);
            c[i] = creatorIds.bucket(creator[item]);
            k[i] = category[item];
            System.arraycopy(text, item * TEXT_DIM, t, i * TEXT_DIM, TEXT_DIM);
        }
        return new ItemFeatureBatch(n, v, c, k, TEXT_DIM, t);
    }

    ItemFeatureBatch allItems() {
        int[] all = new int[items];
        Arrays.setAll(all, i -> i);
        return itemBatch(all);
    }

    /** One user row per (sequence, position): history = the watches before {@code position} (newest weighted most). */
    UserFeatureBatch users(int[][] sequences, int[] positions, int historyLength) {
        int n = sequences.length;
        int[] ids = new int[n * historyLength];
        float[] weights = new float[n * historyLength];
        int[] age = new int[n], country = new int[n], device = new int[n], hour = new int[n], dow = new int[n];
        for (int u = 0; u < n; u++) {
            int[] seq = sequences[u];
            int end = positions[u];
            int start = Math.max(0, end - historyLength);
            for (int t = start; t < end; t++) {
                int slot = u * historyLength + (t - start);
                ids[slot] = videoBucket(seq[t]);
                weights[slot] = (float) Math.pow(0.95, end - 1 - t);
            }
            age[u] = seq[0] % 8;
            country[u] = seq[0] % 5;
            device[u] = seq[0] % 3;
            hour[u] = (u * 7) % 24;
            dow[u] = u % 7;
        }
        return new UserFeatureBatch(n, historyLength, ids, weights, age, country, device, hour, dow);
    }
}
