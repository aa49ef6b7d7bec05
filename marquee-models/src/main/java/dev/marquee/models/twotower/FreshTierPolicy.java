package dev.marquee.models.twotower;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How two-tower retrieval treats videos the model never trained on (issue #4, cold start). A video the model never
 * trained on (uploaded at or after {@link #trainedUntilMillis()}, the training cut-off, or not a training target:
 * absent from {@link #trainedVideos()}) has an untrained id row, so it is embedded by the content-only path
 * ({@link #usesContentPath}). Videos uploaded from the cut-off on are <em>fresh</em> ({@link #isFresh}): they are
 * searched as their own tier, their scores mapped by {@link #calibration()} and merged with the other tier's, the
 * fresh tier taking at most {@link #quota(int)} of the K slots. Older videos that were never a training target stay
 * in the main tier, content-only and unlifted: they had the training window to earn a positive and did not, and
 * lifting them (29k of the default world's 50k videos) cost a fifth of Recall@500 for no new-video recall (measured,
 * docs/evaluation.md). The training job fits the policy on the validation window and saves it beside the model
 * ({@link #FILE_NAME}); serving and offline evaluation load it and apply the same rule. A model saved without it has
 * no fresh tier: one pooled search over full-path rows, as before.
 *
 * @param trainedUntilMillis  training cut-off (epoch ms)
 * @param trainedVideos       sorted, distinct {@link #hash}es of the external ids of videos that were training targets
 * @param calibration         maps a fresh video's content-only score onto the main tier's scale
 * @param maxShare            the largest share of K the fresh tier may fill, in (0, 1]
 */
public record FreshTierPolicy(long trainedUntilMillis, long[] trainedVideos, ContentScoreCalibration calibration,
                              double maxShare) {
    /** The file, beside {@code two-tower.json}, that holds the policy. */
    public static final String FILE_NAME = "two-tower-fresh-tier.bin";
    private static final int MAGIC = 0x4d514654; // "MQFT"
    private static final int VERSION = 1;

    public FreshTierPolicy {
        Objects.requireNonNull(trainedVideos, "trainedVideos");
        Objects.requireNonNull(calibration, "calibration");
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("maxShare must be in (0, 1], got " + maxShare);
        }
        for (int i = 1; i < trainedVideos.length; i++) {
            if (trainedVideos[i] <= trainedVideos[i - 1]) {
                throw new IllegalArgumentException("trainedVideos must be sorted and distinct");
            }
        }
    }

    /** A policy for the videos {@code trainedIds} (external ids, any order, duplicates allowed). */
    public static FreshTierPolicy of(long trainedUntilMillis, Iterable<String> trainedIds,
                                     ContentScoreCalibration calibration, double maxShare) {
        long[] h = new long[16];
        int n = 0;
        for (String id : trainedIds) {
            if (n == h.length) {
                h = Arrays.copyOf(h, n * 2);
            }
            h[n++] = hash(id);
        }
        long[] sorted = Arrays.stream(h, 0, n).sorted().distinct().toArray();
        return new FreshTierPolicy(trainedUntilMillis, sorted, calibration, maxShare);
    }

    /** The same rule with another calibration and quota. */
    public FreshTierPolicy with(ContentScoreCalibration calibration, double maxShare) {
        return new FreshTierPolicy(trainedUntilMillis, trainedVideos, calibration, maxShare);
    }

    /** Whether the video is in the fresh tier: uploaded at or after the training cut-off. */
    public boolean isFresh(String videoId, long uploadedAtMillis) {
        return uploadedAtMillis >= trainedUntilMillis;
    }

    /** Whether the model never trained on this video (fresh, or not a training target): index its content-only row. */
    public boolean usesContentPath(String videoId, long uploadedAtMillis) {
        return isFresh(videoId, uploadedAtMillis) || !wasTrained(videoId);
    }

    /** Whether {@code videoId} was a training target. */
    public boolean wasTrained(String videoId) {
        return Arrays.binarySearch(trainedVideos, hash(videoId)) >= 0;
    }

    /** Most fresh-tier results among the top {@code k}: {@code ceil(maxShare × k)}. */
    public int quota(int k) {
        return (int) Math.min(k, Math.ceil(maxShare * k - 1e-9));
    }

    /** 64-bit FNV-1a of the id's UTF-8 bytes. */
    public static long hash(String videoId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : videoId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Writes {@link #FILE_NAME} into {@code directory} (temporary name, then moved into place). */
    public void save(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path tmp = directory.resolve(FILE_NAME + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(trainedUntilMillis);
            out.writeDouble(calibration.scale());
            out.writeDouble(calibration.offset());
            out.writeDouble(maxShare);
            out.writeInt(trainedVideos.length);
            for (long h : trainedVideos) {
                out.writeLong(h);
            }
        }
        Files.move(tmp, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The policy saved in {@code directory}; empty when there is none (a model trained before the fresh tier). */
    public static Optional<FreshTierPolicy> load(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a fresh-tier file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + ": unsupported fresh-tier version " + version);
            }
            long until = in.readLong();
            ContentScoreCalibration c = new ContentScoreCalibration(in.readDouble(), in.readDouble());
            double share = in.readDouble();
            int n = in.readInt();
            if (n < 0) {
                throw new IOException(file + ": negative video count");
            }
            long[] hashes = new long[n];
            for (int i = 0; i < n; i++) {
                hashes[i] = in.readLong();
            }
            try {
                return Optional.of(new FreshTierPolicy(until, hashes, c, share));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FreshTierPolicy p && p.trainedUntilMillis == trainedUntilMillis
                && Arrays.equals(p.trainedVideos, trainedVideos) && p.calibration.equals(calibration)
                && Double.compare(p.maxShare, maxShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(trainedUntilMillis, Arrays.hashCode(trainedVideos), calibration, maxShare);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "FreshTierPolicy[until=%d, trained=%d, scale=%.4f, offset=%.4f, maxShare=%.3f]",
                trainedUntilMillis, trainedVideos.length, calibration.scale(), calibration.offset(), maxShare);
    }
}
