package dev.marquee.training.twotower;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What users did in the holdout: per user, the distinct videos (roster ids) they watched over 30 s, in
 * first-seen order. Users are kept in first-seen order so evaluation is deterministic.
 */
public final class HoldoutTruth {
    private final long startMillis;
    private final Map<String, int[]> watched = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    HoldoutTruth(long startMillis) {
        this.startMillis = startMillis;
    }

    void addLongView(String userId, int video) {
        int[] list = watched.get(userId);
        int n = counts.getOrDefault(userId, 0);
        if (list == null) {
            list = new int[4];
        }
        for (int i = 0; i < n; i++) {
            if (list[i] == video) {
                return;
            }
        }
        if (n == list.length) {
            list = Arrays.copyOf(list, n * 2);
        }
        list[n] = video;
        watched.put(userId, list);
        counts.put(userId, n + 1);
    }

    /** Start of the holdout (epoch ms); features for evaluation are read as of this time. */
    public long startMillis() {
        return startMillis;
    }

    /** Users with at least one holdout long view, in first-seen order. */
    public java.util.List<String> users() {
        return java.util.List.copyOf(watched.keySet());
    }

    /** Roster ids the user long-viewed in the holdout (a copy). */
    public int[] longViews(String userId) {
        int[] list = watched.get(userId);
        return list == null ? new int[0] : Arrays.copyOf(list, counts.get(userId));
    }

    public int userCount() {
        return watched.size();
    }
}
