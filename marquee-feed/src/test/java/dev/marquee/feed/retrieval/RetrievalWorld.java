package dev.marquee.feed.retrieval;

import dev.marquee.core.FeedQuery;
import dev.marquee.events.Click;
import dev.marquee.events.Event;
import dev.marquee.events.InMemoryEventLog;
import dev.marquee.events.Share;
import dev.marquee.events.UserProfile;
import dev.marquee.events.UserUpserted;
import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import dev.marquee.events.View;
import dev.marquee.feed.hydration.UserFeaturesHydrator;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.FeatureUpdater;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.testkit.FakeClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-built world for retrieval tests: a real {@link InMemoryFeatureStore} fed through an
 * {@link InMemoryEventLog} by a {@link FeatureUpdater}. Events are buffered and appended by {@link #sync()},
 * which waits until the store has applied them.
 */
public final class RetrievalWorld implements AutoCloseable {
    public static final long T0 = 1_700_000_000_000L;
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;

    public final InMemoryEventLog log = new InMemoryEventLog();
    public final InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
    private final FeatureUpdater updater = new FeatureUpdater(store, log, new SimpleMeterRegistry(), new FakeClock(T0)).start();
    private final List<Event> buffered = new ArrayList<>();
    private long seq;

    private String id() {
        return "e" + seq++;
    }

    public RetrievalWorld video(String video, String creator, String category, long uploadedAt) {
        return video(video, creator, category, "title of " + video, List.of(category), uploadedAt);
    }

    public RetrievalWorld video(String video, String creator, String category, String title, List<String> tags,
                                long uploadedAt) {
        buffered.add(new VideoUpserted(id(), uploadedAt,
                new Video(video, creator, category, title, tags, 120, uploadedAt, "en")));
        return this;
    }

    public RetrievalWorld user(String user, String ageBand, String country, String device) {
        buffered.add(new UserUpserted(id(), T0, new UserProfile(user, ageBand, country, device, T0)));
        return this;
    }

    public RetrievalWorld longView(String user, String video, long t) {
        buffered.add(new View(id(), t, user, video, "r", 120));
        return this;
    }

    public RetrievalWorld shortView(String user, String video, long t) {
        buffered.add(new View(id(), t, user, video, "r", 5));
        return this;
    }

    public RetrievalWorld click(String user, String video, long t) {
        buffered.add(new Click(id(), t, user, video, "r"));
        return this;
    }

    public RetrievalWorld share(String user, String video, long t) {
        buffered.add(new Share(id(), t, user, video, "r"));
        return this;
    }

    /** Appends the buffered events and waits until the store has applied them. */
    public RetrievalWorld sync() {
        if (!buffered.isEmpty()) {
            log.append(List.copyOf(buffered));
            buffered.clear();
        }
        try {
            if (!updater.awaitApplied(log.endOffset() - 1, Duration.ofSeconds(10))) {
                throw new IllegalStateException("feature store did not catch up: " + updater.failure());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    public int dense(String video) {
        int d = store.videos().find(video);
        if (d < 0) {
            throw new IllegalArgumentException("unknown video " + video);
        }
        return d;
    }

    public String external(int dense) {
        return store.videos().external(dense);
    }

    /** A query for {@code user} at {@code now} with the user's features hydrated. */
    public FeedQuery query(String user, long now) {
        FeedQuery q = FeedQuery.of("req-" + user + "-" + now, user, 20, now, 1L, true);
        new UserFeaturesHydrator(store).hydrate(q);
        return q;
    }

    public VideoCatalogue catalogue() {
        return VideoCatalogue.fromStore(store);
    }

    @Override
    public void close() {
        updater.close();
        log.close();
    }
}
