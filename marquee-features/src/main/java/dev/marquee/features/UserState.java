package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Mutable state of one user. Fields are guarded by this object's monitor: the single writer mutates under
 * it and readers copy under it, so a read sees a user consistently between two events. Sub-structures are
 * created on first use to keep impression-only users small.
 */
final class UserState {
    int country = -1;
    int device = -1;
    int ageBand = -1;
    long signupAt;
    long lastActivity = Long.MIN_VALUE;
    long impressions;
    long clicks;
    long views;
    long longViews;
    long shares;
    InteractionRing history;
    ImpressionRing impressionMemory;
    RecentLongViews recentLongViews;
    SpaceSavingTopK creators;
    SpaceSavingTopK categories;
    SpaceSavingTopK languages;
    WatchedSet watched;

    synchronized long estimateBytes() {
        long b = 112;
        b += history == null ? 0 : history.estimateBytes();
        b += impressionMemory == null ? 0 : impressionMemory.estimateBytes();
        b += recentLongViews == null ? 0 : recentLongViews.estimateBytes();
        b += creators == null ? 0 : creators.estimateBytes();
        b += categories == null ? 0 : categories.estimateBytes();
        b += languages == null ? 0 : languages.estimateBytes();
        return b + (watched == null ? 0 : watched.estimateBytes());
    }

    synchronized void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(country);
        out.writeInt(device);
        out.writeInt(ageBand);
        out.writeLong(signupAt);
        out.writeLong(lastActivity);
        for (long c : new long[] {impressions, clicks, views, longViews, shares}) {
            out.writeLong(c);
        }
        out.writeBoolean(history != null);
        if (history != null) {
            history.writeTo(out);
        }
        out.writeBoolean(impressionMemory != null);
        if (impressionMemory != null) {
            impressionMemory.writeTo(out);
        }
        out.writeBoolean(recentLongViews != null);
        if (recentLongViews != null) {
            recentLongViews.writeTo(out);
        }
        for (SpaceSavingTopK k : new SpaceSavingTopK[] {creators, categories, languages}) {
            out.writeBoolean(k != null);
            if (k != null) {
                k.writeTo(out);
            }
        }
        out.writeBoolean(watched != null);
        if (watched != null) {
            watched.writeTo(out);
        }
    }

    static UserState readFrom(DataInputStream in, UserStates owner) throws IOException {
        UserState s = new UserState();
        FeatureStoreConfig cfg = owner.config();
        s.country = in.readInt();
        s.device = in.readInt();
        s.ageBand = in.readInt();
        s.signupAt = in.readLong();
        s.lastActivity = in.readLong();
        s.impressions = in.readLong();
        s.clicks = in.readLong();
        s.views = in.readLong();
        s.longViews = in.readLong();
        s.shares = in.readLong();
        s.history = in.readBoolean() ? InteractionRing.readFrom(in, cfg.historySize()) : null;
        s.impressionMemory = in.readBoolean() ? ImpressionRing.readFrom(in, cfg.impressionMemory()) : null;
        s.recentLongViews = in.readBoolean() ? RecentLongViews.readFrom(in, cfg.recentLongViews()) : null;
        s.creators = in.readBoolean() ? owner.readTopK(in, cfg.maxCreatorAffinities()) : null;
        s.categories = in.readBoolean() ? owner.readTopK(in, cfg.maxCategoryAffinities()) : null;
        s.languages = in.readBoolean() ? owner.readTopK(in, UserStates.MAX_LANGUAGES) : null;
        s.watched = in.readBoolean()
                ? WatchedSet.readFrom(in, cfg.watchedInitialCapacity(), cfg.watchedFalsePositiveRate()) : null;
        return s;
    }
}
