package dev.marquee.server.load;

import java.util.SplittableRandom;

/**
 * A bounded ring of (user, video, request) triples the server just served, so event posts describe plausible
 * behaviour (views and clicks of shown videos). Lock-guarded: writers are feed replies, readers event posts,
 * both a few hundred per second.
 */
final class ServedVideos {
    private final String[] users;
    private final String[] videos;
    private final String[] requests;
    private long written;

    ServedVideos(int capacity) {
        users = new String[capacity];
        videos = new String[capacity];
        requests = new String[capacity];
    }

    synchronized void add(String user, String video, String requestId) {
        int i = (int) (written++ % users.length);
        users[i] = user;
        videos[i] = video;
        requests[i] = requestId;
    }

    synchronized boolean isEmpty() {
        return written == 0;
    }

    /** Copies a random stored triple into {@code out[0..2]}; false when nothing was served yet. */
    synchronized boolean pick(SplittableRandom random, String[] out) {
        if (written == 0) {
            return false;
        }
        int i = random.nextInt((int) Math.min(written, users.length));
        out[0] = users[i];
        out[1] = videos[i];
        out[2] = requests[i];
        return true;
    }

    /**
     * Records the first {@code max} video ids of a feed body without a JSON tree: a scan for
     * {@code "videoId":"…"} (ids are opaque strings; the API escapes none of the characters ids may hold).
     */
    int addFromFeed(String user, String body, int max) {
        String requestId = valueAfter(body, "\"requestId\":\"", 0);
        int added = 0;
        int from = 0;
        while (added < max) {
            int k = body.indexOf("\"videoId\":\"", from);
            if (k < 0) {
                break;
            }
            String video = valueAfter(body, "\"videoId\":\"", k);
            add(user, video, requestId);
            added++;
            from = k + 11;
        }
        return added;
    }

    private static String valueAfter(String body, String key, int from) {
        int k = body.indexOf(key, from);
        if (k < 0) {
            return null;
        }
        int start = k + key.length();
        int end = body.indexOf('"', start);
        return end < 0 ? null : body.substring(start, end);
    }
}
