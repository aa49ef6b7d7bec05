package dev.marquee.sim;

import java.util.Arrays;

/**
 * Videos as parallel primitive arrays (index = dense video id, in upload order, so "uploaded by time t"
 * is the prefix {@code [0, uploadedBy(t))}). Text (title, tags) is not stored: {@link TitleWriter}
 * re-derives it from a per-video random stream on demand, which keeps a 1M catalogue at ~35 bytes a video.
 *
 * <p>Per video: a main topic (the creator's main topic 75% of the time, else a creator secondary) and a
 * second topic with mixing weight {@code mainWeight ∈ [0.6, 1]}; latent quality = creator quality +
 * N(0, 0.15) clamped to [0.02, 0.98]; appeal = ln(Pareto(α = 1.3)) i.e. Exp(1.3), the log of a power-law
 * popularity; duration from a mix of shorts (10–60 s, 25%), medium (log-normal, median 8 min, 55%) and
 * long videos (20–90 min, 20%); the creator's language.
 */
final class VideoCatalog {
    final int[] creator;
    final byte[] mainTopic;
    final byte[] secondTopic;
    final float[] mainWeight;
    final float[] quality;
    final float[] appeal;
    final int[] durationSeconds;
    final long[] uploadedAt;
    final byte[] language;

    private VideoCatalog(int n) {
        creator = new int[n];
        mainTopic = new byte[n];
        secondTopic = new byte[n];
        mainWeight = new float[n];
        quality = new float[n];
        appeal = new float[n];
        durationSeconds = new int[n];
        uploadedAt = new long[n];
        language = new byte[n];
    }

    static VideoCatalog generate(WorldConfig config, TopicSpace topics, CreatorTable creators, SimRandom rng) {
        int n = config.videos();
        VideoCatalog catalog = new VideoCatalog(n);
        catalog.fillUploadTimes(config, rng);
        int[] owner = creators.assignToVideos(n, rng);
        for (int v = 0; v < n; v++) {
            int c = owner[v];
            catalog.creator[v] = c;
            int main = rng.nextDouble() < 0.75 ? creators.mainTopic[c]
                    : (rng.nextDouble() < 0.5 ? creators.secondTopic[c] : creators.thirdTopic[c]);
            int second = rng.nextDouble() < 0.5 ? creators.secondTopic[c] : topics.sameCategoryTopic(main, rng);
            catalog.mainTopic[v] = (byte) main;
            catalog.secondTopic[v] = (byte) second;
            catalog.mainWeight[v] = second == main ? 1f : (float) rng.nextDouble(0.6, 1.0);
            double q = creators.quality[c] + 0.15 * rng.nextGaussian();
            catalog.quality[v] = (float) Math.clamp(q, 0.02, 0.98);
            catalog.appeal[v] = (float) StrictMath.log(rng.nextPareto(1.3, 1.0));
            catalog.durationSeconds[v] = duration(rng);
            catalog.language[v] = creators.language[c];
        }
        return catalog;
    }

    private void fillUploadTimes(WorldConfig config, SimRandom rng) {
        int n = uploadedAt.length;
        int before = (int) Math.round(config.backCatalogShare() * n);
        long backStart = config.startMillis() - config.backCatalogDays() * WorldConfig.DAY_MILLIS;
        long backSpan = config.startMillis() - backStart;
        long periodSpan = config.endMillis() - config.startMillis();
        for (int v = 0; v < n; v++) {
            uploadedAt[v] = v < before
                    ? backStart + (long) (rng.nextDouble() * backSpan)
                    : config.startMillis() + (long) (rng.nextDouble() * periodSpan);
        }
        Arrays.sort(uploadedAt);
    }

    private static int duration(SimRandom rng) {
        double kind = rng.nextDouble();
        if (kind < 0.25) {
            return 10 + rng.nextInt(51);
        }
        if (kind < 0.80) {
            double seconds = 480.0 * StrictMath.exp(0.6 * rng.nextGaussian());
            return (int) Math.clamp(Math.round(seconds), 61, 1800);
        }
        return 1200 + rng.nextInt(4201);
    }

    int size() {
        return creator.length;
    }

    /** Number of videos uploaded at or before {@code timeMillis} (they are the ids below that count). */
    int uploadedBy(long timeMillis) {
        return countAtOrBefore(uploadedAt, timeMillis);
    }

    /** Count of entries ≤ {@code t} in an ascending array. */
    static int countAtOrBefore(long[] ascending, long t) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
