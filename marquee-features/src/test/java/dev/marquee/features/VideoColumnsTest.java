package dev.marquee.features;

import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.Video;
import dev.marquee.events.VideoUpserted;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoColumnsTest {
    @TempDir
    Path dir;
    private final EventFixtures ev = new EventFixtures();

    /** Strings as a decoded log record has them: fresh instances, equal to others. */
    private VideoUpserted upsert(String id, String creator, String... tags) {
        List<String> fresh = java.util.Arrays.stream(tags).map(String::new).toList();
        return new VideoUpserted(ev.nextId(), T0, new Video(new String(id), new String(creator), new String("music"),
                "a title of " + id, fresh, 95, T0, new String("en")));
    }

    @Test
    void metadata_isEqualToTheUpsert_beforeAndAfterASnapshot() throws IOException {
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        VideoUpserted a = upsert("v1", "c1", "cats", "funny");
        VideoUpserted b = upsert("v2", "c1", "funny", "dogs");
        store.apply(ev.records(a, b));
        Video va = store.video(store.videos().find("v1")).orElseThrow();
        Video vb = store.video(store.videos().find("v2")).orElseThrow();

        assertThat(va).isEqualTo(a.video());
        assertThat(vb).isEqualTo(b.video());

        Path file = dir.resolve("s.snap");
        FeatureSnapshot.write(store, file);
        InMemoryFeatureStore restored = FeatureSnapshot.read(file, FeatureStoreConfig.defaults());
        Video ra = restored.video(restored.videos().find("v1")).orElseThrow();
        Video rb = restored.video(restored.videos().find("v2")).orElseThrow();
        assertThat(ra).isEqualTo(a.video());
        assertThat(rb).isEqualTo(b.video());
    }
}
