package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * All state of an {@link InMemoryFeatureStore}, in one place so snapshots write and read it as a unit.
 * Serialisation is logical (rings oldest first, maps sorted by key) except Space-Saving heaps, which are
 * written in heap order because their layout decides future evictions: a restored state therefore
 * behaves, and re-serialises, exactly like the original.
 */
final class StoreState {
    final FeatureStoreConfig config;
    final Dictionaries dict = new Dictionaries();
    final UserStates users;
    final VideoColumns videos = new VideoColumns(dict);
    final GroupStats categories;
    final GroupStats creators;
    final CoWatchGraph coWatch;
    final PopularityIndex popularity;
    final RecentUploads uploads;
    final EventIdWindow eventIds;
    final Tombstones tombstones = new Tombstones();
    long appliedOffset = -1;

    StoreState(FeatureStoreConfig config) {
        this.config = config;
        this.users = new UserStates(config);
        Decay uploadDecay = new Decay(config.creatorUploadHalfLifeMillis());
        this.categories = new GroupStats(uploadDecay);
        this.creators = new GroupStats(uploadDecay);
        this.coWatch = new CoWatchGraph(config);
        this.popularity = new PopularityIndex(config);
        this.uploads = new RecentUploads(config.recentUploadsPerCategory());
        this.eventIds = new EventIdWindow(config.eventIdWindow());
    }

    long estimateBytes() {
        return dict.estimateBytes() + users.estimateBytes() + videos.estimateBytes() + categories.estimateBytes()
                + creators.estimateBytes() + coWatch.estimateBytes() + popularity.estimateBytes()
                + uploads.estimateBytes() + eventIds.estimateBytes() + 16L * tombstones.size();
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeLong(appliedOffset);
        dict.writeTo(out);
        users.writeTo(out);
        videos.writeTo(out);
        categories.writeTo(out);
        creators.writeTo(out);
        coWatch.writeTo(out);
        popularity.writeTo(out);
        uploads.writeTo(out);
        eventIds.writeTo(out);
        tombstones.writeTo(out);
    }

    void readFrom(DataInputStream in) throws IOException {
        appliedOffset = in.readLong();
        dict.readFrom(in);
        users.readFrom(in);
        videos.readFrom(in);
        categories.readFrom(in);
        creators.readFrom(in);
        coWatch.readFrom(in);
        popularity.readFrom(in);
        uploads.readFrom(in);
        eventIds.readFrom(in);
        tombstones.readFrom(in);
    }
}
