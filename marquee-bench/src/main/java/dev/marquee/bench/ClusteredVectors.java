package dev.marquee.bench;

import dev.marquee.ann.VectorBatch;
import java.util.SplittableRandom;

/**
 * Embedding-like unit vectors for ANN benchmarks: a Gaussian mixture on the sphere with Zipf cluster sizes and
 * a decaying noise spectrum (axis i scaled by (i+1)^-0.5), queries blending 1–3 mixture points — the same
 * construction as marquee-ann's recall tests, because latency and recall on uniform random vectors say
 * nothing about trained embeddings (HNSW visits far more nodes on high intrinsic dimension).
 */
final class ClusteredVectors {
    private final int dimension;
    private final float[][] centres;
    private final double[] spreads;
    private final double[] cumulative;
    private final double[] axis;

    ClusteredVectors(int dimension, int clusters, long seed) {
        this.dimension = dimension;
        SplittableRandom random = new SplittableRandom(seed);
        axis = new double[dimension];
        double ss = 0;
        for (int i = 0; i < dimension; i++) {
            axis[i] = Math.pow(i + 1, -0.5);
            ss += axis[i] * axis[i];
        }
        for (int i = 0; i < dimension; i++) {
            axis[i] *= Math.sqrt(dimension / ss);
        }
        int topics = Math.max(1, clusters / 20);
        float[][] topicCentres = new float[topics][];
        for (int t = 0; t < topics; t++) {
            topicCentres[t] = unit(random, null, 1, false);
        }
        centres = new float[clusters][];
        spreads = new double[clusters];
        cumulative = new double[clusters];
        double total = 0;
        for (int c = 0; c < clusters; c++) {
            centres[c] = unit(random, topicCentres[random.nextInt(topics)], 0.8, false);
            spreads[c] = 0.35 + 0.45 * random.nextDouble();
            total += 1.0 / (c + 1);
            cumulative[c] = total;
        }
        for (int c = 0; c < clusters; c++) {
            cumulative[c] /= total;
        }
    }

    VectorBatch sample(int count, int firstId, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] ids = new int[count];
        float[] vectors = new float[count * dimension];
        for (int i = 0; i < count; i++) {
            ids[i] = firstId + i;
            System.arraycopy(point(random), 0, vectors, i * dimension, dimension);
        }
        return new VectorBatch(ids, vectors, dimension);
    }

    float[][] queries(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][];
        for (int q = 0; q < count; q++) {
            float[] sum = new float[dimension];
            int parts = 1 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                float[] x = point(random);
                double w = p == 0 ? 1.0 : 0.3 + 0.5 * random.nextDouble();
                for (int i = 0; i < dimension; i++) {
                    sum[i] += (float) (w * x[i]);
                }
            }
            out[q] = normalise(sum);
        }
        return out;
    }

    float[] point(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return unit(random, centres[lo], spreads[lo], true);
    }

    private float[] unit(SplittableRandom random, float[] centre, double spread, boolean spectrum) {
        float[] v = new float[dimension];
        double scale = centre == null ? 1.0 : spread / Math.sqrt(dimension);
        for (int i = 0; i < dimension; i++) {
            double g = gaussian(random) * scale * (spectrum ? axis[i] : 1.0);
            v[i] = (float) ((centre == null ? 0 : centre[i]) + g);
        }
        return normalise(v);
    }

    private static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / n);
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
