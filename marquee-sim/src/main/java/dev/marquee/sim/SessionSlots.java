package dev.marquee.sim;

import java.util.Arrays;

/**
 * State of in-flight sessions in parallel arrays indexed by slot, grown on demand and recycled through a
 * free list (slot order is deterministic, which keeps the event queue's tie-breaking deterministic).
 * Per slot: the user, the current page's videos and, per position, the decided watch time in tenths of a
 * second (−1 = not clicked) and whether the view ends in a share.
 */
final class SessionSlots {
    private static final int MAX_SLOTS = 1 << 27;

    private final int k;
    int[] user = new int[0];
    String[] userId = new String[0];
    String[] requestId = new String[0];
    int[] page = new int[0];
    int[] pageLength = new int[0];
    int[] cursor = new int[0];
    long[] cursorTime = new long[0];
    boolean[] longViewOnPage = new boolean[0];
    byte[] action = new byte[0];
    int[] actionPos = new int[0];
    private int[] videos = new int[0];
    private int[] watchTenths = new int[0];
    private boolean[] share = new boolean[0];
    private int[] free = new int[0];
    private int freeCount;
    private int capacity;
    private long allocated;

    SessionSlots(int k) {
        this.k = k;
    }

    int allocate(int u) {
        if (freeCount == 0) {
            grow();
        }
        int s = free[--freeCount];
        user[s] = u;
        userId[s] = World.userId(u);
        page[s] = 0;
        allocated++;
        return s;
    }

    void release(int s) {
        userId[s] = null;
        requestId[s] = null;
        free[freeCount++] = s;
    }

    void beginPage(int s, String request, int[] pageVideos, long t) {
        requestId[s] = request;
        pageLength[s] = pageVideos.length;
        System.arraycopy(pageVideos, 0, videos, s * k, pageVideos.length);
        Arrays.fill(watchTenths, s * k, s * k + k, -1);
        Arrays.fill(share, s * k, s * k + k, false);
        cursor[s] = -1;
        cursorTime[s] = t;
        longViewOnPage[s] = false;
    }

    void setOutcome(int s, int position, int tenths, boolean shared) {
        watchTenths[s * k + position] = tenths;
        share[s * k + position] = shared;
    }

    int video(int s, int position) {
        return videos[s * k + position];
    }

    int watchTenths(int s, int position) {
        return watchTenths[s * k + position];
    }

    boolean shared(int s, int position) {
        return share[s * k + position];
    }

    long allocated() {
        return allocated;
    }

    private void grow() {
        int newCapacity = Math.max(64, capacity * 2);
        if (newCapacity > MAX_SLOTS) {
            throw new IllegalStateException("more than " + MAX_SLOTS + " concurrent sessions");
        }
        user = Arrays.copyOf(user, newCapacity);
        userId = Arrays.copyOf(userId, newCapacity);
        requestId = Arrays.copyOf(requestId, newCapacity);
        page = Arrays.copyOf(page, newCapacity);
        pageLength = Arrays.copyOf(pageLength, newCapacity);
        cursor = Arrays.copyOf(cursor, newCapacity);
        cursorTime = Arrays.copyOf(cursorTime, newCapacity);
        longViewOnPage = Arrays.copyOf(longViewOnPage, newCapacity);
        action = Arrays.copyOf(action, newCapacity);
        actionPos = Arrays.copyOf(actionPos, newCapacity);
        videos = Arrays.copyOf(videos, newCapacity * k);
        watchTenths = Arrays.copyOf(watchTenths, newCapacity * k);
        share = Arrays.copyOf(share, newCapacity * k);
        free = Arrays.copyOf(free, newCapacity);
        for (int s = newCapacity - 1; s >= capacity; s--) {
            free[freeCount++] = s;
        }
        capacity = newCapacity;
    }
}
