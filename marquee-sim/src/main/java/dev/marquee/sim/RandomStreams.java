package dev.marquee.sim;

/** Purpose ids of the independent random streams ({@link SimRandom#stream}) the simulation draws from. */
final class RandomStreams {
    static final long TOPICS = 1;
    static final long CREATORS = 2;
    static final long VIDEOS = 3;
    static final long USERS = 4;
    static final long VIDEO_TEXT = 5;
    static final long DAY_SCHEDULE = 6;
    static final long BEHAVIOUR = 7;
    static final long BASELINE_POLICY = 8;

    private RandomStreams() {
    }
}
