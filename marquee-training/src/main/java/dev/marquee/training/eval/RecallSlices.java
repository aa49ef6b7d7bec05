package dev.marquee.training.eval;

import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Recall@K curves of several candidate lists over all evaluated users and, beside them, over the new users
 * only (the slice issue #5 judges segment-popular on). One user's list counts in both when the user is new.
 */
final class RecallSlices {
    private final Map<String, RecallAccumulator> all = new LinkedHashMap<>();
    private final Map<String, RecallAccumulator> newUsers = new LinkedHashMap<>();

    /** One curve per list name, in this order. */
    RecallSlices(List<String> lists) {
        for (String list : lists) {
            all.put(list, new RecallAccumulator());
            newUsers.put(list, new RecallAccumulator());
        }
    }

    /** Adds one user's {@code list} (best first) to curve {@code name}, and to the new-user slice when new. */
    void add(String name, int[] list, BitSet relevant, boolean newUser) {
        addPerK(name, k -> list, relevant, newUser);
    }

    /** Like {@link #add} for a list that depends on K ({@link RecallAccumulator#addPerK}). */
    void addPerK(String name, IntFunction<int[]> listForK, BitSet relevant, boolean newUser) {
        accumulator(all, name).addPerK(listForK, relevant);
        if (newUser) {
            accumulator(newUsers, name).addPerK(listForK, relevant);
        }
    }

    Map<String, RecallCurve> all() {
        return curves(all);
    }

    Map<String, RecallCurve> newUsers() {
        return curves(newUsers);
    }

    /** New users in the slice (every user gets every list, so the largest curve's count). */
    int newUserCount() {
        return newUsers.values().stream().mapToInt(a -> a.result().users()).max().orElse(0);
    }

    private static RecallAccumulator accumulator(Map<String, RecallAccumulator> m, String name) {
        RecallAccumulator a = m.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no curve named " + name + "; known: " + m.keySet());
        }
        return a;
    }

    private static Map<String, RecallCurve> curves(Map<String, RecallAccumulator> m) {
        Map<String, RecallCurve> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.result()));
        return Collections.unmodifiableMap(out);
    }
}
