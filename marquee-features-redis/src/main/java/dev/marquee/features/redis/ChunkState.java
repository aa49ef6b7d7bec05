package dev.marquee.features.redis;

import dev.marquee.events.Event;
import dev.marquee.events.Interaction;
import dev.marquee.events.UserDeleted;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.VideoUpserted;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.ByteBuffer;

/**
 * Per-chunk working state of {@link BatchApplier}: the chunk's distinct users and videos in local slots, each
 * user's tombstone and dirty flags, each video's creator/category/language (from Redis, overridden by upserts
 * folded earlier in the chunk), and which records are duplicates.
 */
final class ChunkState {
    private final SharedDictionaries dict;
    private final Int2IntOpenHashMap userSlot = new Int2IntOpenHashMap();
    private final Int2IntOpenHashMap videoSlot = new Int2IntOpenHashMap();
    private final IntArrayList users = new IntArrayList();
    private final IntArrayList videos = new IntArrayList();
    final boolean[] duplicate;
    long[] tombstone;
    boolean[] userDirty;
    boolean[] tombstoneDirty;
    int[] creator;
    int[] category;
    int[] language;

    ChunkState(int records, SharedDictionaries dict) {
        this.dict = dict;
        this.duplicate = new boolean[records];
        userSlot.defaultReturnValue(-1);
        videoSlot.defaultReturnValue(-1);
    }

    void register(Event e) {
        switch (e) {
            case Interaction i -> {
                addUser(dict.users.local().find(i.userId()));
                addVideo(dict.videos.local().find(i.videoId()));
            }
            case VideoUpserted v -> addVideo(dict.videos.local().find(v.video().videoId()));
            case UserUpserted u -> addUser(dict.users.local().find(u.user().userId()));
            case UserDeleted d -> addUser(dict.users.local().find(d.userId()));
        }
    }

    /** Allocates the per-slot columns once every record is registered. */
    void seal() {
        tombstone = new long[users.size()];
        userDirty = new boolean[users.size()];
        tombstoneDirty = new boolean[users.size()];
        creator = new int[videos.size()];
        category = new int[videos.size()];
        language = new int[videos.size()];
    }

    private void addUser(int u) {
        if (userSlot.putIfAbsent(u, users.size()) == -1) {
            users.add(u);
        }
    }

    private void addVideo(int v) {
        if (videoSlot.putIfAbsent(v, videos.size()) == -1) {
            videos.add(v);
        }
    }

    int userCount() {
        return users.size();
    }

    int user(int slot) {
        return users.getInt(slot);
    }

    int slotOf(int user) {
        return userSlot.get(user);
    }

    int videoCount() {
        return videos.size();
    }

    int video(int slot) {
        return videos.getInt(slot);
    }

    int videoSlot(int video) {
        return videoSlot.get(video);
    }

    /** Reads the 12-byte record header (creator+1, category+1, language+1; 0 = none; empty = no record). */
    void header(int slot, byte[] head) {
        if (head == null || head.length < 12) {
            override(slot, -1, -1, -1);
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        override(slot, b.getInt(0) - 1, b.getInt(4) - 1, b.getInt(8) - 1);
    }

    void override(int slot, int creatorId, int categoryId, int languageId) {
        creator[slot] = creatorId;
        category[slot] = categoryId;
        language[slot] = languageId;
    }
}
