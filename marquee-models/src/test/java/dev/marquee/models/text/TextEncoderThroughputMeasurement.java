package dev.marquee.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints text-encoding throughput (titles/s of 2 cores' CPU time, median of several rounds) on a
 * 2-thread executor, all in one JVM run: the previous path (langchain4j, quantized model, one text per run) as
 * baseline, then padded batches of several sizes and thread layouts, with the worst cosine between
 * each layout's vectors and the one-text vectors of the same model. A main, not a test (it takes
 * minutes); args: titles rounds.
 */
public final class TextEncoderThroughputMeasurement {
    record Layout(String name, TextEncoderConfig config) {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<VideoText> texts = CatalogueTitles.generate(count, 1);
            List<VideoText> warm = CatalogueTitles.generate(128, 99);
            TextEncoderConfig two = TextEncoderConfig.forExecutor(pool).withParallelism(2);
            float[] quantizedOne = new float[count * TextEncoder.DIMENSION];
            float[] fullOne = new float[count * TextEncoder.DIMENSION];
            TextEncoder quantizedRef = new TextEncoder(pool, 0, two.withVariant(MiniLmVariant.QUANTIZED));
            quantizedRef.encodeOneByOneInto(warm, new float[warm.size() * TextEncoder.DIMENSION]);
            double base = median(rounds, () -> quantizedRef.encodeOneByOneInto(texts, quantizedOne), count);
            System.out.printf("%d titles (~%.1f tokens each), 2 threads%n", count, meanTokens(quantizedRef, texts));
            System.out.printf("baseline: langchain4j, quantized, one text per run: %.0f titles/s%n", base);
            TextEncoder fullRef = new TextEncoder(pool, 0, two);
            fullRef.encodeOneByOneInto(warm, new float[warm.size() * TextEncoder.DIMENSION]);
            double fullBase = median(rounds, () -> fullRef.encodeOneByOneInto(texts, fullOne), count);
            System.out.printf("langchain4j, fp32, one text per run: %.0f titles/s (%.2fx baseline)%n", fullBase, fullBase / base);
            List<Layout> layouts = new ArrayList<>();
            layouts.add(new Layout("quantized, 1 text per run, 2 runs in parallel", two.withVariant(MiniLmVariant.QUANTIZED)));
            for (int batch : new int[] {1, 8, 16, 32}) {
                layouts.add(new Layout("fp32, batch " + batch + ", 2 runs in parallel x 1 ORT thread", two.withMaxBatch(batch)));
            }
            layouts.add(new Layout("fp32, batch 16, 1 run at a time x 2 ORT threads", two.withParallelism(1).withIntraOpThreads(2)));
            for (Layout l : layouts) {
                TextEncoder encoder = new TextEncoder(pool, 0, l.config());
                encoder.encodeInto(warm, new float[warm.size() * TextEncoder.DIMENSION]);
                float[] out = new float[count * TextEncoder.DIMENSION];
                double rate = median(rounds, () -> encoder.encodeInto(texts, out), count);
                float[] reference = l.config().variant() == MiniLmVariant.QUANTIZED ? quantizedOne : fullOne;
                System.out.printf("%s: %.0f titles/s (%.2fx baseline), worst cosine to one-text path %.7f%n",
                        l.name(), rate, rate / base, worstCosine(out, reference, count));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double meanTokens(TextEncoder encoder, List<VideoText> texts) {
        MiniLmSession s = new MiniLmSession(MiniLmVariant.QUANTIZED, 1);
        return texts.stream().mapToInt(t -> s.tokenizer.encode(t.asText()).getIds().length).average().orElse(0);
    }

    /**
     * Median titles per second of process CPU time × 2 (what two otherwise idle cores would do; the
     * shared box's wall time mostly measures the neighbours), printed beside the wall-time rate.
     */
    private static double median(int rounds, Runnable call, int count) {
        double[] rates = new double[rounds], wall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime(), cpu = OS.getProcessCpuTime();
            call.run();
            wall[r] = count / ((System.nanoTime() - start) / 1e9);
            rates[r] = 2 * count / ((OS.getProcessCpuTime() - cpu) / 1e9);
        }
        java.util.Arrays.sort(rates);
        java.util.Arrays.sort(wall);
        System.out.printf("  [wall-time median %.0f titles/s on the shared box] ", wall[rounds / 2]);
        return rates[rounds / 2];
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    static double worstCosine(float[] a, float[] b, int rows) {
        double worst = 1;
        for (int r = 0; r < rows; r++) {
            double dot = 0, na = 0, nb = 0;
            for (int d = 0; d < TextEncoder.DIMENSION; d++) {
                int i = r * TextEncoder.DIMENSION + d;
                dot += a[i] * b[i];
                na += a[i] * a[i];
                nb += b[i] * b[i];
            }
            worst = Math.min(worst, dot / Math.sqrt(na * nb));
        }
        return worst;
    }
}
