package dev.marquee.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.events.UserProfile;
import dev.marquee.events.Video;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorldTest {
    private static World world;

    @BeforeAll
    static void generate() {
        world = World.generate(SmallWorlds.config(11));
    }

    @Test
    void generate_hasConfiguredCounts_andEveryCreatorOwnsAVideo() {
        WorldStats stats = world.stats();
        assertThat(stats.videos()).isEqualTo(4_000);
        assertThat(stats.users()).isEqualTo(800);
        assertThat(stats.creators()).isEqualTo(160);
        assertThat(stats.topics()).isEqualTo(64);
        assertThat(stats.categories()).isEqualTo(13);
        Set<String> owners = new HashSet<>();
        for (int v = 0; v < world.videoCount(); v++) {
            owners.add(world.video(v).creatorId());
        }
        assertThat(owners).hasSize(160);
    }

    @Test
    void uploads_areInIdOrder_withBackCatalogueAndNewArrivals() {
        long start = world.config().startMillis();
        long end = world.config().endMillis();
        for (int v = 1; v < world.videoCount(); v++) {
            assertThat(world.uploadedAt(v)).isGreaterThanOrEqualTo(world.uploadedAt(v - 1));
        }
        assertThat(world.uploadedAt(world.videoCount() - 1)).isLessThan(end);
        assertThat(world.stats().videosBeforeStart()).isEqualTo(2_000);
        assertThat(world.videosUploadedBy(start + WorldConfig.DAY_MILLIS)).isBetween(2_400, 2_900);
        assertThat(world.stats().usersBeforeStart()).isEqualTo(640);
        assertThat(world.usersSignedUpBy(end)).isEqualTo(800);
    }

    @Test
    void titlesAndTags_useTheVideosTopicWords() {
        for (int v = 0; v < 1_000; v++) {
            Video video = world.video(v);
            int main = world.mainTopic(v);
            List<String> words = world.topicWords(main).stream().map(w -> w.replace('-', ' ')).toList();
            String title = video.title().toLowerCase(Locale.ROOT);
            assertThat(words).as("title %s of topic %s", title, world.topicName(main)).anyMatch(title::contains);
            assertThat(video.tags()).hasSizeBetween(3, 6);
            assertThat(video.tags().subList(0, 3)).allMatch(world.topicWords(main)::contains);
            assertThat(video.category()).isEqualTo(world.categoryName(world.categoryOfTopic(main)));
            assertThat(video.durationSeconds()).isBetween(10, 5_400);
        }
        assertThat(world.video(17)).isEqualTo(world.video(17));
    }

    @Test
    void languages_areMostlyEnglish() {
        long english = java.util.stream.IntStream.range(0, world.videoCount())
                .filter(v -> world.video(v).language().equals("en")).count();
        assertThat(english / (double) world.videoCount()).isBetween(0.6, 0.97);
    }

    @Test
    void users_haveValidDemographics() {
        for (int u = 0; u < world.userCount(); u++) {
            UserProfile user = world.user(u);
            assertThat(Demographics.AGE_BANDS).contains(user.ageBand());
            assertThat(Demographics.COUNTRIES).contains(user.country());
            assertThat(Demographics.DEVICES).contains(user.device());
            assertThat(world.userIndex(user.userId())).isEqualTo(u);
        }
    }

    @Test
    void ageBand_correlatesWithTopicTaste() {
        World big = World.generate(SmallWorlds.config(5).scaledTo(500, 12_000));
        UserPopulation users = big.users;
        int topics = big.topicCount();
        for (int band = 0; band < Demographics.AGE_BANDS.length; band++) {
            double[] inside = new double[topics];
            double[] outside = new double[topics];
            int n = 0;
            for (int u = 0; u < users.size(); u++) {
                boolean member = users.ageBand[u] == band;
                n += member ? 1 : 0;
                for (int k = 0; k < topics; k++) {
                    (member ? inside : outside)[k] += users.prefs[u * topics + k];
                }
            }
            double bestLift = 0;
            for (int k = 0; k < topics; k++) {
                bestLift = Math.max(bestLift, (inside[k] / n) / (outside[k] / (users.size() - n)));
            }
            assertThat(bestLift).as("strongest topic lift of age band %s", Demographics.AGE_BANDS[band]).isGreaterThan(1.5);
        }
    }

    @Test
    void ids_roundTrip_andForeignIdsAreRejected() {
        assertThat(world.videoIndex(World.videoId(42))).isEqualTo(42);
        assertThatThrownBy(() -> world.videoIndex("u3")).hasMessageContaining("not a video id");
        assertThatThrownBy(() -> world.videoIndex("v4000")).hasMessage("video id v4000 is outside this world (4000 videos)");
        assertThatThrownBy(() -> world.userIndex("uxyz")).hasMessageContaining("not a user id");
    }

    @Test
    void config_rejectsBadValuesWithPreciseMessages() {
        WorldConfig base = SmallWorlds.config(1);
        assertThatThrownBy(() -> base.withCreators(5_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("creators (5000) must not exceed videos (4000)");
        assertThatThrownBy(() -> base.withDays(0)).hasMessage("days must be in [1, 365], got 0");
        assertThatThrownBy(() -> base.withTopics(65)).hasMessage("topics must be in [1, 64], got 65");
    }

    @Test
    void sameSeed_givesSameWorld_otherSeedDiffers() {
        World again = World.generate(SmallWorlds.config(11));
        World other = World.generate(SmallWorlds.config(12));
        assertThat(again.video(123)).isEqualTo(world.video(123));
        assertThat(again.user(77)).isEqualTo(world.user(77));
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(other::video).toList())
                .isNotEqualTo(java.util.stream.IntStream.range(0, 50).mapToObj(world::video).toList());
    }
}
