package dev.marquee.sim;

import dev.marquee.events.UserProfile;
import dev.marquee.events.Video;
import java.util.List;

/**
 * A read-only synthetic video platform: topics and categories, creators, videos and users with their
 * latent traits, generated deterministically from a {@link WorldConfig}. Entities are dense ints
 * (videos in upload order, users in signup order); external ids are {@code v<n>}, {@code u<n>},
 * {@code c<n>}. Metadata records are built on demand, so a 1M × 1M world stays in primitive arrays.
 * Thread-safe for reads.
 */
public final class World {
    private final WorldConfig config;
    final TopicSpace topics;
    final CreatorTable creators;
    final VideoCatalog videos;
    final UserPopulation users;
    private final TitleWriter titles;

    private World(WorldConfig config) {
        this.config = config;
        long seed = config.seed();
        this.topics = TopicSpace.create(TopicVocabulary.load(), config.topics(), SimRandom.stream(seed, RandomStreams.TOPICS, 0));
        this.creators = CreatorTable.generate(config.creators(), topics, SimRandom.stream(seed, RandomStreams.CREATORS, 0));
        this.videos = VideoCatalog.generate(config, topics, creators, SimRandom.stream(seed, RandomStreams.VIDEOS, 0));
        this.users = UserPopulation.generate(config, topics, SimRandom.stream(seed, RandomStreams.USERS, 0));
        this.titles = new TitleWriter(topics);
    }

    /** Generates the world (catalogue, creators, users); the history is {@link HistoryGenerator}'s job. */
    public static World generate(WorldConfig config) {
        return new World(config);
    }

    public WorldConfig config() {
        return config;
    }

    public int videoCount() {
        return videos.size();
    }

    public int userCount() {
        return users.size();
    }

    public int creatorCount() {
        return creators.size();
    }

    public int topicCount() {
        return topics.topicCount();
    }

    public int categoryCount() {
        return topics.categoryCount();
    }

    public String topicName(int topic) {
        return topics.topicNames[topic];
    }

    public String categoryName(int category) {
        return topics.categoryNames[category];
    }

    public int categoryOfTopic(int topic) {
        return topics.topicCategory[topic];
    }

    /** The topic's vocabulary (words as in tags, compounds joined by '-'). */
    public List<String> topicWords(int topic) {
        return List.of(topics.words[topic]);
    }

    public static String videoId(int video) {
        return "v" + video;
    }

    public static String userId(int user) {
        return "u" + user;
    }

    public static String creatorId(int creator) {
        return "c" + creator;
    }

    /** Dense index of an external video id of this world ({@code v<n>}); throws for anything else. */
    public int videoIndex(String videoId) {
        return parse(videoId, 'v', videoCount(), "video");
    }

    /** Dense index of an external user id of this world ({@code u<n>}); throws for anything else. */
    public int userIndex(String userId) {
        return parse(userId, 'u', userCount(), "user");
    }

    /** The video's metadata as uploaded (title and tags re-derived from its seed: same every call). */
    public Video video(int video) {
        int main = videos.mainTopic[video];
        int second = videos.secondTopic[video];
        SimRandom rng = SimRandom.stream(config.seed(), RandomStreams.VIDEO_TEXT, video);
        String title = titles.title(main, second, rng);
        List<String> tags = titles.tags(main, second, rng);
        return new Video(videoId(video), creatorId(videos.creator[video]), topics.categoryNames[topics.topicCategory[main]],
                title, tags, videos.durationSeconds[video], videos.uploadedAt[video],
                Demographics.LANGUAGES[videos.language[video]]);
    }

    public UserProfile user(int user) {
        return new UserProfile(userId(user), Demographics.AGE_BANDS[users.ageBand[user]],
                Demographics.COUNTRIES[users.country[user]], Demographics.DEVICES[users.device[user]], users.signupAt[user]);
    }

    public int mainTopic(int video) {
        return videos.mainTopic[video];
    }

    public int creatorOf(int video) {
        return videos.creator[video];
    }

    public long uploadedAt(int video) {
        return videos.uploadedAt[video];
    }

    public long signupAt(int user) {
        return users.signupAt[user];
    }

    /** Latent quality in [0, 1] (hidden from the platform; for oracles and analysis). */
    public float latentQuality(int video) {
        return videos.quality[video];
    }

    /** Latent appeal = log of the power-law popularity (hidden; for oracles and analysis). */
    public float latentAppeal(int video) {
        return videos.appeal[video];
    }

    /** Number of videos uploaded at or before {@code timeMillis}; those are exactly ids {@code [0, n)}. */
    public int videosUploadedBy(long timeMillis) {
        return videos.uploadedBy(timeMillis);
    }

    /** Number of users signed up at or before {@code timeMillis}; those are exactly ids {@code [0, n)}. */
    public int usersSignedUpBy(long timeMillis) {
        return users.signedUpBy(timeMillis);
    }

    public WorldStats stats() {
        return new WorldStats(videoCount(), userCount(), creatorCount(), topicCount(), categoryCount(),
                videosUploadedBy(config.startMillis() - 1), usersSignedUpBy(config.startMillis() - 1));
    }

    private static int parse(String id, char prefix, int count, String kind) {
        if (id == null || id.length() < 2 || id.length() > 11 || id.charAt(0) != prefix) {
            throw new IllegalArgumentException("not a " + kind + " id of the synthetic world (expected " + prefix + "<n>): " + id);
        }
        int n;
        try {
            n = Integer.parseInt(id, 1, id.length(), 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a " + kind + " id of the synthetic world (expected " + prefix + "<n>): " + id, e);
        }
        if (n < 0 || n >= count) {
            throw new IllegalArgumentException(kind + " id " + id + " is outside this world (" + count + " " + kind + "s)");
        }
        return n;
    }
}
