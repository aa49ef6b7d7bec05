package dev.marquee.features;

import dev.marquee.core.IdDictionary;

/**
 * Stopgap bridge for out-of-module {@link FeatureStore} backends (shipped by marquee-features-redis, in this
 * package because the result batches and the per-user state logic are package-private). It exposes exactly
 * what a remote backend needs: filling {@link VideoFeatureBatch} / {@link NeighbourBatch} columns, and the
 * in-memory store's own per-user state machine ({@link UserStates}, {@link UserState}) with its compact binary
 * encoding, so a backend keeps per-user semantics identical to {@link InMemoryFeatureStore}. To be replaced by
 * public factories in marquee-features.
 */
public final class StoreBackendAccess {
    private StoreBackendAccess() {
    }

    /** Sets row {@code i} of {@code out}: identity, metadata and the decayed/total counters. */
    public static void videoRow(VideoFeatureBatch out, int i, int video, boolean hasMetadata, int creator, int category,
                                int language, int durationSeconds, long uploadedAt) {
        out.video[i] = video;
        out.hasMetadata[i] = hasMetadata;
        out.creator[i] = creator;
        out.category[i] = category;
        out.language[i] = language;
        out.durationSeconds[i] = durationSeconds;
        out.uploadedAt[i] = uploadedAt;
    }

    /** Sets one signal's counters of row {@code i} (signal order: impression, click, long view, share, view). */
    public static void videoSignal(VideoFeatureBatch out, int i, int signal, double hour, double day, long total) {
        if (signal < VideoColumns.DECAYED_SIGNALS) {
            out.hour[signal][i] = hour;
            out.day[signal][i] = day;
        }
        out.total[signal][i] = total;
    }

    /** Sets the derived (smoothed) values of row {@code i}. */
    public static void videoRates(VideoFeatureBatch out, int i, double ctr, double longViewRate, double shareRate,
                                  double longViewAlpha, double longViewBeta, double trending,
                                  double creatorUploadsPerDay, double creatorLongViewRate) {
        out.ctr[i] = ctr;
        out.longViewRate[i] = longViewRate;
        out.shareRate[i] = shareRate;
        out.longViewAlpha[i] = longViewAlpha;
        out.longViewBeta[i] = longViewBeta;
        out.trending[i] = trending;
        out.creatorUploadsPerDay[i] = creatorUploadsPerDay;
        out.creatorLongViewRate[i] = creatorLongViewRate;
    }

    public static void finishVideos(VideoFeatureBatch out, int size, long nowMillis, long offset) {
        out.size = size;
        out.nowMillis = nowMillis;
        out.offset = offset;
    }

    /** Sets seed {@code i}; its neighbours go to slots {@code [i·maxPerSeed, i·maxPerSeed + count)}. */
    public static void neighbour(NeighbourBatch out, int i, int j, int video, double weight) {
        out.neighbours[i * out.maxPerSeed() + j] = video;
        out.weights[i * out.maxPerSeed() + j] = weight;
    }

    public static void seed(NeighbourBatch out, int i, int seed, int count) {
        out.seeds[i] = seed;
        out.counts[i] = count;
    }

    public static void finishNeighbours(NeighbourBatch out, int seedCount, long offset) {
        out.seedCount = seedCount;
        out.offset = offset;
    }

    /** The dictionaries a user read needs to turn dense profile attributes back into strings. */
    public record ProfileDictionaries(IdDictionary ageBands, IdDictionary countries, IdDictionary devices,
                                      IdDictionary languages) {
    }

    /**
     * Working set of user states for one writer batch, in local slots 0..n-1, backed by the in-memory store's
     * {@link UserStates} logic. Not thread-safe (one writer).
     */
    public static final class UserSlots {
        private final UserStates states;

        public UserSlots(FeatureStoreConfig config) {
            this.states = new UserStates(config);
        }

        /** Loads slot {@code slot} from a blob written by {@link #save}; null means no state. */
        public void load(int slot, byte[] blob) {
            states.forget(slot);
            if (blob != null) {
                UserStateBlobs.into(states, slot, blob);
            }
        }

        /** Encodes slot {@code slot}; null when the user has no state (never seen or forgotten). */
        public byte[] save(int slot) {
            UserState s = states.get(slot);
            return s == null ? null : UserStateBlobs.encode(s);
        }

        public boolean present(int slot) {
            return states.get(slot) != null;
        }

        public void forget(int slot) {
            states.forget(slot);
        }

        public void profile(int slot, int country, int device, int ageBand, long signupAt) {
            states.profile(slot, country, device, ageBand, signupAt);
        }

        public void impression(int slot, int video, long t) {
            states.impression(slot, video, t);
        }

        /** See {@code UserStates.engage}: returns the co-watch partners written to {@code partners}. */
        public int engage(int slot, InteractionType type, int video, long t, float watchSeconds, int creator,
                          int category, int language, int[] partners) {
            return states.engage(slot, type, video, t, watchSeconds, creator, category, language, partners);
        }

        /** Profile of slot {@code slot} as dense ids: {country, device, ageBand} (-1 unknown); null if absent. */
        public int[] profile(int slot) {
            UserState s = states.get(slot);
            if (s == null) {
                return null;
            }
            synchronized (s) {
                return new int[] {s.country, s.device, s.ageBand};
            }
        }
    }

    /** Decodes user blobs into {@link UserFeatures}, exactly as the in-memory store reads a user. Thread-safe. */
    public static final class UserBlobReader {
        private final UserStates owner;

        public UserBlobReader(FeatureStoreConfig config) {
            this.owner = new UserStates(config);
        }

        public UserFeatures read(byte[] blob, int user, long now, long offset, ProfileDictionaries d) {
            if (blob == null) {
                return UserFeatures.unknown(offset, now);
            }
            UserState s = UserStateBlobs.decode(blob, owner);
            String language = null;
            if (s.languages != null && s.longViews >= UserStates.LANGUAGE_MIN_LONG_VIEWS) {
                int[] top = new int[1];
                s.languages.top(1, now, top, new double[1], 0);
                language = d.languages().external(top[0]);
            }
            return new UserFeatures(offset, now, user, Dictionaries.externalNullable(d.ageBands(), s.ageBand),
                    Dictionaries.externalNullable(d.countries(), s.country),
                    Dictionaries.externalNullable(d.devices(), s.device), language, s.lastActivity,
                    new InteractionCounts(s.impressions, s.clicks, s.views, s.longViews, s.shares),
                    s.history == null ? InteractionHistory.EMPTY : s.history.newestFirst(),
                    s.recentLongViews == null ? new int[0] : s.recentLongViews.videos(),
                    s.recentLongViews == null ? new long[0] : s.recentLongViews.times(),
                    Affinities.fromTopK(s.creators, now), Affinities.fromTopK(s.categories, now),
                    s.watched == null ? WatchedSet.EMPTY : s.watched,
                    s.impressionMemory == null ? ImpressionCounts.EMPTY
                            : s.impressionMemory.countsIn(now - 86_400_000L, now));
        }
    }

    /** Maps an interaction to its history type (a view over 30 s is a long view). */
    public static InteractionType typeOf(dev.marquee.events.Interaction interaction) {
        return InteractionType.of(interaction);
    }
}
