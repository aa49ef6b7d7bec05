package dev.marquee.training.twotower;

import dev.marquee.events.Video;
import dev.marquee.feed.retrieval.VideoTextVectors;
import dev.marquee.models.text.TextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every video upserted in the replayed log (including the holdout's uploads), by a dense roster id in upsert
 * order, with its latest metadata, how often it was a training positive, and its long views before the
 * holdout (the most-popular baseline's score). Text vectors are filled once, after the replay.
 */
public final class VideoRoster {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Video> videos = new ArrayList<>();
    private int[] trainPositives = new int[1024];
    private int[] longViewsBeforeCutoff = new int[1024];
    private float[] text;

    /** Registers or updates a video; returns its roster id. */
    int upsert(Video video) {
        Integer known = ids.get(video.videoId());
        if (known != null) {
            videos.set(known, video);
            return known;
        }
        int id = videos.size();
        ids.put(video.videoId(), id);
        videos.add(video);
        if (id == trainPositives.length) {
            trainPositives = Arrays.copyOf(trainPositives, id * 2);
            longViewsBeforeCutoff = Arrays.copyOf(longViewsBeforeCutoff, id * 2);
        }
        return id;
    }

    /** Roster id of an external video id, -1 when it was never upserted. */
    public int find(String videoId) {
        Integer id = ids.get(videoId);
        return id == null ? -1 : id;
    }

    public int size() {
        return videos.size();
    }

    public Video video(int id) {
        return videos.get(id);
    }

    public List<Video> videos() {
        return List.copyOf(videos);
    }

    void countTrainPositive(int id) {
        trainPositives[id]++;
    }

    void countLongViewBeforeCutoff(int id) {
        longViewsBeforeCutoff[id]++;
    }

    /** Times the video was the target of a training example (0: its id embedding never trained). */
    public int trainPositives(int id) {
        return trainPositives[id];
    }

    public int longViewsBeforeCutoff(int id) {
        return longViewsBeforeCutoff[id];
    }

    /** Encodes (or reads from the text store) every video's title and tags, in chunks. */
    void fillText(VideoTextVectors texts, TwoTowerJobListener listener) {
        int d = texts.dimension();
        int n = videos.size();
        float[] all = new float[n * d];
        int chunk = 512;
        float[] buffer = new float[chunk * d];
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            texts.fill(videos.subList(from, to), buffer);
            System.arraycopy(buffer, 0, all, from * d, (to - from) * d);
            listener.phase("text vectors", to, n);
        }
        text = all;
    }

    /** Every video's text vector, row-major by roster id ({@link TextEncoder#DIMENSION} wide). */
    public float[] text() {
        if (text == null) {
            throw new IllegalStateException("text vectors not filled yet");
        }
        return text;
    }
}
