package dev.marquee.features.redis;

import dev.marquee.events.Event;
import dev.marquee.events.Interaction;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;

/** The in-memory projector's validation, run before anything is written so a malformed event changes nothing. */
final class EventChecks {
    private EventChecks() {
    }

    static void check(Event e) {
        switch (e) {
            case Interaction i -> {
                require(i.eventId(), "eventId", i);
                require(i.userId(), "userId", i);
                require(i.videoId(), "videoId", i);
                if (i instanceof View view && !(view.watchSeconds() >= 0 && Double.isFinite(view.watchSeconds()))) {
                    throw new IllegalArgumentException("view " + i.eventId() + " has invalid watchSeconds " + view.watchSeconds());
                }
            }
            case VideoUpserted v -> {
                Video m = v.video();
                if (m == null) {
                    throw new IllegalArgumentException("video event " + v.eventId() + " has no video");
                }
                require(m.videoId(), "videoId", v);
                require(m.creatorId(), "creatorId", v);
                require(m.category(), "category", v);
            }
            case UserUpserted u -> {
                if (u.user() == null) {
                    throw new IllegalArgumentException("user event " + u.eventId() + " has no profile");
                }
                require(u.user().userId(), "userId", u);
            }
            case UserDeleted d -> require(d.userId(), "userId", d);
        }
    }

    private static void require(String value, String field, Event e) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(e.type() + " event " + e.eventId() + " has no " + field);
        }
    }

    /** 64-bit event-id hash: FNV-1a over UTF-16 units finished with MurmurHash3's fmix64 (as EventIdWindow). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
