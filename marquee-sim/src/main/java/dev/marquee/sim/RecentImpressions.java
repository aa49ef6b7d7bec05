package dev.marquee.sim;

import java.util.Arrays;

/**
 * Each user's last {@value #WINDOW} impressions in a ring buffer ({@code int[users × WINDOW]}): the
 * exposure memory behind the fatigue term of the click model. Bounded memory at any scale
 * (128 MB for a million users) at the price of forgetting exposures older than the window.
 */
final class RecentImpressions {
    static final int WINDOW = 32;

    private final int[] ring;
    private final byte[] cursor;

    RecentImpressions(int users) {
        ring = new int[Math.multiplyExact(users, WINDOW)];
        Arrays.fill(ring, -1);
        cursor = new byte[users];
    }

    /** Times {@code video} appears among the user's recent impressions. */
    int count(int user, int video) {
        int base = user * WINDOW;
        int n = 0;
        for (int i = base; i < base + WINDOW; i++) {
            if (ring[i] == video) {
                n++;
            }
        }
        return n;
    }

    void add(int user, int video) {
        int c = cursor[user];
        ring[user * WINDOW + c] = video;
        cursor[user] = (byte) ((c + 1) % WINDOW);
    }
}
