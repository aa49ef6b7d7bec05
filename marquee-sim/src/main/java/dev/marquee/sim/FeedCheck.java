package dev.marquee.sim;

/**
 * Guards the {@link FeedPolicy} contract at the simulator's boundary: a policy bug must fail loudly rather
 * than log impressions of videos that do not exist yet or the same video twice in one feed.
 */
final class FeedCheck {
    private FeedCheck() {
    }

    static void check(int[] videos, int k, int uploaded, long timeMillis) {
        if (videos.length > k) {
            throw new IllegalStateException("policy returned " + videos.length + " videos for k = " + k);
        }
        for (int i = 0; i < videos.length; i++) {
            if (videos[i] < 0 || videos[i] >= uploaded) {
                throw new IllegalStateException("policy returned video " + videos[i] + " at position " + i
                        + ", but only videos [0, " + uploaded + ") are uploaded at " + timeMillis);
            }
            for (int j = 0; j < i; j++) {
                if (videos[j] == videos[i]) {
                    throw new IllegalStateException("policy returned video " + videos[i] + " twice in one feed");
                }
            }
        }
    }
}
