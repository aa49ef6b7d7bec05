package dev.marquee.features.redis;

import dev.marquee.events.Event;
import dev.marquee.events.Interaction;
import dev.marquee.events.LogRecord;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.features.InteractionType;
import dev.marquee.features.StoreBackendAccess;
import dev.marquee.features.StoreBackendAccess.UserSlots;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one chunk of valid records in three round trips: (1) intern and mirror every new id; (2) claim each
 * interaction's event id ({@code SET NX GET} with this record's token) and load the chunk's users (blob,
 * tombstone) and videos (metadata header); (3) fold the events in order in Java (per-user state: this writer
 * owns the user's partition) and commit everything in one MULTI/EXEC: the commutative per-video scripts,
 * the user blobs (with TTL), tombstones and this writer's applied offset. A claim whose stored token is this
 * record's own (a crash between (2) and (3), then redelivery) is applied again; any other token is a duplicate.
 * The chunk is therefore applied all-or-nothing, at least once and at most once per event id.
 */
final class BatchApplier {
    private final LuaScripts scripts;
    private final SharedDictionaries dict;
    private final UserSlots slots;
    private final int[] partners;
    private final ChunkLoader loader;
    private final ChunkCommit commit;

    BatchApplier(RedisStoreConfig config, RedisKeys keys, RedisGateway redis, LuaScripts scripts, SharedDictionaries dict) {
        this.scripts = scripts;
        this.dict = dict;
        this.slots = new UserSlots(config.features());
        this.partners = new int[config.features().recentLongViews()];
        this.loader = new ChunkLoader(config, keys, redis, scripts, dict);
        this.commit = new ChunkCommit(config, keys, redis, scripts);
    }

    /** Applies {@code chunk} (validated, offsets increasing); returns how many records changed state. */
    int apply(List<LogRecord> chunk) {
        internIds(chunk);
        ChunkState st = loader.load(chunk, slots);
        List<byte[][]> calls = new ArrayList<>(chunk.size());
        int applied = 0;
        for (int k = 0; k < chunk.size(); k++) {
            applied += fold(chunk.get(k).event(), k, st, calls) ? 1 : 0;
        }
        commit.commit(st, slots, calls, chunk.getLast().offset());
        return applied;
    }

    private void internIds(List<LogRecord> chunk) {
        Map<DenseIdMirror, Set<String>> want = SharedDictionaries.request();
        for (LogRecord r : chunk) {
            switch (r.event()) {
                case Interaction i -> {
                    SharedDictionaries.want(want, dict.users, i.userId());
                    SharedDictionaries.want(want, dict.videos, i.videoId());
                }
                case VideoUpserted v -> {
                    Video m = v.video();
                    SharedDictionaries.want(want, dict.videos, m.videoId());
                    SharedDictionaries.want(want, dict.creators, m.creatorId());
                    SharedDictionaries.want(want, dict.categories, m.category());
                    SharedDictionaries.want(want, dict.languages, m.language());
                }
                case UserUpserted u -> {
                    UserProfile p = u.user();
                    SharedDictionaries.want(want, dict.users, p.userId());
                    SharedDictionaries.want(want, dict.countries, p.country());
                    SharedDictionaries.want(want, dict.devices, p.device());
                    SharedDictionaries.want(want, dict.ageBands, p.ageBand());
                }
                case UserDeleted d -> SharedDictionaries.want(want, dict.users, d.userId());
            }
        }
        dict.internAll(want);
    }

    private boolean fold(Event e, int k, ChunkState st, List<byte[][]> calls) {
        switch (e) {
            case Interaction i -> {
                int slot = st.slotOf(dict.users.local().find(i.userId()));
                long t = i.timestamp();
                if (t <= st.tombstone[slot] || st.duplicate[k]) {
                    return false;
                }
                int v = dict.videos.local().find(i.videoId());
                int vs = st.videoSlot(v);
                InteractionType type = StoreBackendAccess.typeOf(i);
                st.userDirty[slot] = true;
                if (type == InteractionType.IMPRESSION) {
                    slots.impression(slot, v, t);
                    calls.add(interaction(v, t, type, null, 0));
                    return true;
                }
                float watch = i instanceof View view ? (float) view.watchSeconds() : 0f;
                int pairs = slots.engage(slot, type, v, t, watch, st.creator[vs], st.category[vs], st.language[vs], partners);
                calls.add(interaction(v, t, type, type == InteractionType.LONG_VIEW ? slots.profile(slot) : null, pairs));
                return true;
            }
            case VideoUpserted u -> {
                Video m = u.video();
                int v = dict.videos.local().find(m.videoId());
                int creator = dict.creators.local().find(m.creatorId());
                int category = dict.categories.local().find(m.category());
                int language = m.language() == null ? -1 : dict.languages.local().find(m.language());
                st.override(st.videoSlot(v), creator, category, language);
                calls.add(new byte[][] {scripts.upsert(), RedisKeys.bytes(v), RedisKeys.bytes(creator),
                        RedisKeys.bytes(category), RedisKeys.bytes(language), RedisKeys.bytes(m.durationSeconds()),
                        RedisKeys.bytes(m.uploadedAt()), VideoMetadataCodec.encode(m)});
                return true;
            }
            case UserUpserted u -> {
                UserProfile p = u.user();
                int slot = st.slotOf(dict.users.local().find(p.userId()));
                if (u.timestamp() <= st.tombstone[slot]) {
                    return false;
                }
                slots.profile(slot, find(dict.countries, p.country()), find(dict.devices, p.device()),
                        find(dict.ageBands, p.ageBand()), p.signupAt());
                st.userDirty[slot] = true;
                return true;
            }
            case UserDeleted d -> {
                int slot = st.slotOf(dict.users.local().find(d.userId()));
                slots.forget(slot);
                st.tombstone[slot] = Math.max(st.tombstone[slot], d.timestamp());
                st.userDirty[slot] = true;
                st.tombstoneDirty[slot] = true;
                return true;
            }
        }
    }

    private static int find(DenseIdMirror m, String id) {
        return id == null ? -1 : m.local().find(id);
    }

    /** One event of the interaction script: video, t, type, k, k segments, m, m partners. */
    private byte[][] interaction(int v, long t, InteractionType type, int[] profile, int pairs) {
        List<String> segs = profile == null ? List.of() : PopularitySegments.suffixes(profile[0], profile[1], profile[2]);
        byte[][] call = new byte[6 + segs.size() + pairs][];
        call[0] = scripts.interaction();
        call[1] = RedisKeys.bytes(v);
        call[2] = RedisKeys.bytes(t);
        call[3] = RedisKeys.bytes(type.ordinal());
        call[4] = RedisKeys.bytes(segs.size());
        for (int s = 0; s < segs.size(); s++) {
            call[5 + s] = segs.get(s).getBytes(StandardCharsets.US_ASCII);
        }
        call[5 + segs.size()] = RedisKeys.bytes(pairs);
        for (int p = 0; p < pairs; p++) {
            call[6 + segs.size() + p] = RedisKeys.bytes(partners[p]);
        }
        return call;
    }

}
