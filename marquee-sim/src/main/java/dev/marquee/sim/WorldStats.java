package dev.marquee.sim;

/**
 * Entity counts of a generated world, for cross-checking {@code marquee stats}: after a full history every
 * video and user has been upserted once, and every creator owns at least one video.
 *
 * @param videosBeforeStart back-catalogue videos (uploaded before the simulated period)
 * @param usersBeforeStart  users signed up before the simulated period
 */
public record WorldStats(int videos, int users, int creators, int topics, int categories,
                         int videosBeforeStart, int usersBeforeStart) {
}
