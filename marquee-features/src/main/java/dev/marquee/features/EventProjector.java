package dev.marquee.features;

import dev.marquee.events.Event;
import dev.marquee.events.Interaction;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;

/**
 * Folds one event into {@link StoreState}: the single writer's logic. Validates before mutating so a
 * malformed event changes nothing. Signals per interaction: impressions, clicks and shares count toward the
 * video, its category and creator; every view counts as a view, a view over 30 s also as a long view,
 * which additionally feeds the watched set, co-watch pairs, popularity and trending.
 */
final class EventProjector {
    private final StoreState s;
    private final int[] partners;

    EventProjector(StoreState s) {
        this.s = s;
        this.partners = new int[s.config.recentLongViews()];
    }

    /** Applies {@code e}; false when it was skipped (duplicate event id, or predates its user's deletion). */
    boolean apply(Event e) {
        return switch (e) {
            case Interaction i -> interaction(i);
            case VideoUpserted v -> video(v);
            case UserUpserted u -> user(u);
            case UserDeleted d -> delete(d);
        };
    }

    private boolean interaction(Interaction i) {
        require(i.eventId(), "eventId", i);
        require(i.userId(), "userId", i);
        require(i.videoId(), "videoId", i);
        if (i instanceof View view && !(view.watchSeconds() >= 0 && Double.isFinite(view.watchSeconds()))) {
            throw new IllegalArgumentException("view " + i.eventId() + " has invalid watchSeconds " + view.watchSeconds());
        }
        long t = i.timestamp();
        int u = s.dict.users.intern(i.userId());
        if (s.tombstones.suppresses(u, t) || !s.eventIds.firstSighting(i.eventId())) {
            return false;
        }
        int v = s.dict.videos.intern(i.videoId());
        VideoColumns c = s.videos;
        c.ensure(v);
        int creator = c.creator(v);
        int category = c.category(v);
        InteractionType type = InteractionType.of(i);
        if (type == InteractionType.IMPRESSION) {
            s.users.impression(u, v, t);
            count(v, creator, category, VideoColumns.IMPRESSION, t);
            return true;
        }
        float watch = i instanceof View view ? (float) view.watchSeconds() : 0f;
        int pairs = s.users.engage(u, type, v, t, watch, creator, category, c.language(v), partners);
        switch (type) {
            case CLICK -> count(v, creator, category, VideoColumns.CLICK, t);
            case SHARE -> count(v, creator, category, VideoColumns.SHARE, t);
            case SHORT_VIEW -> c.count(v, VideoColumns.VIEW, t);
            case LONG_VIEW -> {
                c.count(v, VideoColumns.VIEW, t);
                count(v, creator, category, VideoColumns.LONG_VIEW, t);
                UserState us = s.users.get(u);
                s.popularity.onLongView(v, category, us.country, us.device, us.ageBand, t);
                for (int p = 0; p < pairs; p++) {
                    s.coWatch.addPair(v, partners[p], t);
                }
            }
            case IMPRESSION -> throw new AssertionError("handled above");
        }
        return true;
    }

    private void count(int video, int creator, int category, int signal, long t) {
        s.videos.count(video, signal, t);
        s.categories.count(category, signal);
        s.creators.count(creator, signal);
    }

    private boolean video(VideoUpserted e) {
        Video m = e.video();
        if (m == null) {
            throw new IllegalArgumentException("video event " + e.eventId() + " has no video");
        }
        require(m.videoId(), "videoId", e);
        require(m.creatorId(), "creatorId", e);
        require(m.category(), "category", e);
        int v = s.dict.videos.intern(m.videoId());
        int creator = s.dict.creators.intern(m.creatorId());
        int category = s.dict.categories.intern(m.category());
        int language = Dictionaries.internNullable(s.dict.languages, m.language());
        VideoColumns c = s.videos;
        c.ensure(v);
        boolean first = !c.hasMetadata(v);
        if (!first) {
            s.uploads.remove(c.category(v), v);
        }
        c.metadata(v, m, creator, category, language);
        if (first) {
            s.creators.upload(creator, m.uploadedAt());
        }
        s.uploads.add(category, v, m.uploadedAt());
        return true;
    }

    private boolean user(UserUpserted e) {
        UserProfile p = e.user();
        if (p == null) {
            throw new IllegalArgumentException("user event " + e.eventId() + " has no profile");
        }
        require(p.userId(), "userId", e);
        int u = s.dict.users.intern(p.userId());
        if (s.tombstones.suppresses(u, e.timestamp())) {
            return false;
        }
        s.users.profile(u, Dictionaries.internNullable(s.dict.countries, p.country()),
                Dictionaries.internNullable(s.dict.devices, p.device()),
                Dictionaries.internNullable(s.dict.ageBands, p.ageBand()), p.signupAt());
        return true;
    }

    private boolean delete(UserDeleted e) {
        require(e.userId(), "userId", e);
        int u = s.dict.users.intern(e.userId());
        s.users.forget(u);
        s.tombstones.add(u, e.timestamp());
        return true;
    }

    private static void require(String value, String field, Event e) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(e.type() + " event " + e.eventId() + " has no " + field);
        }
    }
}
