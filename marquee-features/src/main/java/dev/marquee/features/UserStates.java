package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-user state indexed by dense user id: the writer's operations on a user and the read that turns it
 * into {@link UserFeatures}. The slot array grows by copy and is republished through a volatile field; a
 * reader on a stale array at worst misses a user created during its read.
 */
final class UserStates {
    static final int MAX_LANGUAGES = 8;
    static final int LANGUAGE_MIN_LONG_VIEWS = 3;
    private static final long DAY = 86_400_000L;

    private final FeatureStoreConfig config;
    private final Decay affinityDecay;
    private volatile UserState[] states = new UserState[1024];
    private int live;

    UserStates(FeatureStoreConfig config) {
        this.config = config;
        this.affinityDecay = new Decay(config.affinityHalfLifeMillis());
    }

    FeatureStoreConfig config() {
        return config;
    }

    UserState get(int user) {
        UserState[] s = states;
        return user >= 0 && user < s.length ? s[user] : null;
    }

    UserState getOrCreate(int user) {
        UserState[] s = states;
        if (user >= s.length) {
            s = Arrays.copyOf(s, Math.max(user + 1, s.length + (s.length >> 1)));
            states = s;
        }
        UserState st = s[user];
        if (st == null) {
            st = new UserState();
            s[user] = st;
            live++;
        }
        return st;
    }

    void forget(int user) {
        UserState[] s = states;
        if (user < s.length && s[user] != null) {
            s[user] = null;
            live--;
        }
    }

    void profile(int user, int country, int device, int ageBand, long signupAt) {
        UserState s = getOrCreate(user);
        synchronized (s) {
            s.country = country;
            s.device = device;
            s.ageBand = ageBand;
            s.signupAt = signupAt;
        }
    }

    void impression(int user, int video, long t) {
        UserState s = getOrCreate(user);
        synchronized (s) {
            s.lastActivity = Math.max(s.lastActivity, t);
            s.impressions++;
            if (s.impressionMemory == null) {
                s.impressionMemory = new ImpressionRing(config.impressionMemory());
            }
            s.impressionMemory.add(video, t);
        }
    }

    /**
     * Applies a click, view or share. For a long view, copies into {@code partners} the user's other long
     * views within the session window (the co-watch pairs to add) and returns their number, else 0.
     */
    int engage(int user, InteractionType type, int video, long t, float watchSeconds,
               int creator, int category, int language, int[] partners) {
        UserState s = getOrCreate(user);
        synchronized (s) {
            s.lastActivity = Math.max(s.lastActivity, t);
            switch (type) {
                case CLICK -> s.clicks++;
                case SHORT_VIEW -> s.views++;
                case LONG_VIEW -> { s.views++; s.longViews++; }
                case SHARE -> s.shares++;
                case IMPRESSION -> throw new IllegalArgumentException("impressions are not engagements");
            }
            if (s.history == null) {
                s.history = new InteractionRing(config.historySize());
            }
            s.history.add(video, type, watchSeconds, t);
            double w = weight(type);
            if (w > 0 && creator >= 0) {
                if (s.creators == null) {
                    s.creators = new SpaceSavingTopK(config.maxCreatorAffinities(), affinityDecay);
                }
                s.creators.add(creator, t, w);
            }
            if (w > 0 && category >= 0) {
                if (s.categories == null) {
                    s.categories = new SpaceSavingTopK(config.maxCategoryAffinities(), affinityDecay);
                }
                s.categories.add(category, t, w);
            }
            return type == InteractionType.LONG_VIEW ? longView(s, video, t, language, partners) : 0;
        }
    }

    private int longView(UserState s, int video, long t, int language, int[] partners) {
        if (s.watched == null) {
            s.watched = new WatchedSet(config.watchedInitialCapacity(), config.watchedFalsePositiveRate());
        }
        s.watched.add(video);
        if (language >= 0) {
            if (s.languages == null) {
                s.languages = new SpaceSavingTopK(MAX_LANGUAGES, affinityDecay);
            }
            s.languages.add(language, t, 1.0);
        }
        if (s.recentLongViews == null) {
            s.recentLongViews = new RecentLongViews(config.recentLongViews());
        }
        int n = s.recentLongViews.partners(video, t, config.sessionWindowMillis(), partners);
        s.recentLongViews.push(video, t);
        return n;
    }

    private double weight(InteractionType type) {
        return switch (type) {
            case CLICK -> config.clickWeight();
            case SHORT_VIEW -> config.shortViewWeight();
            case LONG_VIEW -> config.longViewWeight();
            case SHARE -> config.shareWeight();
            case IMPRESSION -> 0.0;
        };
    }

    UserFeatures read(int user, long now, long offset, Dictionaries d) {
        UserState s = get(user);
        if (s == null) {
            return UserFeatures.unknown(offset, now);
        }
        synchronized (s) {
            String language = null;
            if (s.languages != null && s.longViews >= LANGUAGE_MIN_LONG_VIEWS) {
                int[] top = new int[1];
                s.languages.top(1, now, top, new double[1], 0);
                language = d.languages.external(top[0]);
            }
            return new UserFeatures(offset, now, user, Dictionaries.externalNullable(d.ageBands, s.ageBand),
                    Dictionaries.externalNullable(d.countries, s.country),
                    Dictionaries.externalNullable(d.devices, s.device), language, s.lastActivity,
                    new InteractionCounts(s.impressions, s.clicks, s.views, s.longViews, s.shares),
                    s.history == null ? InteractionHistory.EMPTY : s.history.newestFirst(),
                    s.recentLongViews == null ? new int[0] : s.recentLongViews.videos(),
                    s.recentLongViews == null ? new long[0] : s.recentLongViews.times(),
                    Affinities.fromTopK(s.creators, now), Affinities.fromTopK(s.categories, now),
                    s.watched == null ? WatchedSet.EMPTY : s.watched,
                    s.impressionMemory == null ? ImpressionCounts.EMPTY : s.impressionMemory.countsIn(now - DAY, now));
        }
    }

    int count() {
        return live;
    }

    long estimateBytes() {
        UserState[] s = states;
        long b = 16 + 4L * s.length;
        for (UserState st : s) {
            b += st == null ? 0 : st.estimateBytes();
        }
        return b;
    }

    SpaceSavingTopK readTopK(DataInputStream in, int capacity) throws IOException {
        SpaceSavingTopK k = new SpaceSavingTopK(capacity, affinityDecay);
        k.readFrom(in);
        return k;
    }

    void writeTo(DataOutputStream out) throws IOException {
        UserState[] s = states;
        out.writeInt(live);
        for (int u = 0; u < s.length; u++) {
            if (s[u] != null) {
                out.writeInt(u);
                s[u].writeTo(out);
            }
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            int u = in.readInt();
            if (u < 0) {
                throw new IOException("snapshot corrupt: user id " + u);
            }
            getOrCreate(u);
            states[u] = UserState.readFrom(in, this);
        }
    }
}
