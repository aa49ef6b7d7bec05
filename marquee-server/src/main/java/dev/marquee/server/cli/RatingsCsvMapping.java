package dev.marquee.server.cli;

import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.Impression;
import dev.marquee.events.Share;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The documented mapping of the common ratings layout to Marquee events (also in docs/evaluation.md):
 * <ul>
 * <li>item {@code itemId,title,genres} → {@code VideoUpserted}: videoId = itemId, title, category = first genre
 *     (lower-case, "unknown" when none), tags = every genre, creatorId = {@code rc-<category>-<n>} with n =
 *     (itemId's hash mod 20) — a deterministic stand-in, ratings data has no creators — duration 600 s,
 *     language "en", uploaded at the item's first rating (or the first rating overall when never rated);
 *     emitted just before that rating;</li>
 * <li>user → {@code UserUpserted} just before their first rating: age band, country and device "unknown";</li>
 * <li>rating r at time t (epoch seconds) → impression (t, position 0, request {@code rt-<user>-<item>-<t>}) and
 *     click (t + 1 s); then a view at t + 2 s of 60 s when r ≥ 4 (a long view, the positive of retrieval and
 *     evaluation), of 10 s otherwise; and a share at t + 3 s when r ≥ 4.5.</li>
 * </ul>
 */
final class RatingsCsvMapping {
    static final double LONG_VIEW_RATING = 4.0, SHARE_RATING = 4.5;
    static final int DURATION_SECONDS = 600, CREATOR_BUCKETS = 20;
    private static final String UNKNOWN = "unknown";

    private RatingsCsvMapping() {
    }

    static Video video(String itemId, String title, String genres, long firstSeenMillis) {
        List<String> tags = new ArrayList<>();
        for (String g : genres.split("\\|")) {
            String tag = g.trim().toLowerCase(Locale.ROOT);
            if (!tag.isEmpty() && !tag.startsWith("(")) {
                tags.add(tag);
            }
        }
        String category = tags.isEmpty() ? UNKNOWN : tags.getFirst();
        String creator = "rc-" + category.replaceAll("[^a-z0-9]+", "-") + "-" + Math.floorMod(itemId.hashCode(), CREATOR_BUCKETS);
        return new Video(itemId, creator, category, title.isBlank() ? itemId : title, tags, DURATION_SECONDS,
                firstSeenMillis, "en");
    }

    static Event videoEvent(Video v) {
        return new VideoUpserted("ri-" + v.videoId(), v.uploadedAt(), v);
    }

    static Event userEvent(String userId, long firstSeenMillis) {
        return new UserUpserted("ru-" + userId, firstSeenMillis,
                new UserProfile(userId, UNKNOWN, UNKNOWN, UNKNOWN, firstSeenMillis));
    }

    /** The 3–4 events of one rating, in time order. */
    static List<Event> ratingEvents(String userId, String itemId, double rating, long millis) {
        String key = userId + "-" + itemId + "-" + millis / 1000;
        String request = "rt-" + key;
        List<Event> out = new ArrayList<>(4);
        out.add(new Impression("rt-imp-" + key, millis, userId, itemId, request, 0));
        out.add(new Click("rt-clk-" + key, millis + 1_000, userId, itemId, request));
        boolean liked = rating >= LONG_VIEW_RATING;
        out.add(new View("rt-view-" + key, millis + 2_000, userId, itemId, request, liked ? 60.0 : 10.0));
        if (rating >= SHARE_RATING) {
            out.add(new Share("rt-shr-" + key, millis + 3_000, userId, itemId, request));
        }
        return out;
    }
}
