package dev.marquee.feed.rerank;

import java.util.Arrays;

/**
 * Remaps a request's creator ids (sparse dense-store ids, -1 unknown) to keys 0..distinct−1 with a small
 * open-addressing table (linear probing), so per-creator counts are a plain array. Unknown stays -1.
 */
final class CreatorKeys {
    private CreatorKeys() {
    }

    static int[] remap(int[] creators, int n) {
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] keys = new int[capacity];
        int[] values = new int[capacity];
        Arrays.fill(keys, -1);
        int[] out = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            int c = creators[i];
            if (c < 0) {
                out[i] = -1;
                continue;
            }
            int h = c * 0x9E3779B9;
            h = (h ^ (h >>> 16)) & mask;
            while (keys[h] != -1 && keys[h] != c) {
                h = (h + 1) & mask;
            }
            if (keys[h] == -1) {
                keys[h] = c;
                values[h] = next++;
            }
            out[i] = values[h];
        }
        return out;
    }
}
