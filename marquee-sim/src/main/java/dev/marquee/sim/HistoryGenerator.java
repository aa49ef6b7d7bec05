package dev.marquee.sim;

import dev.marquee.events.EventSink;

/**
 * Simulates the world's history under a feed policy and streams it into an {@link dev.marquee.events.EventSink} (usually an event log): the back
 * catalogue and earlier sign-ups as upserts at their own times, then {@code days} days of sessions with
 * new uploads and sign-ups interleaved. Events reach the log in non-decreasing timestamp order (ties:
 * video upserts, user upserts, session steps, session starts), in batches, with deterministic ids, so the
 * same config and policy produce a byte-identical stream. Nothing of the history is kept in memory beyond
 * one day's session schedule and the in-flight sessions.
 *
 * <p>One instance generates once: the policy and the exposure memory carry state across the run.
 */
public final class HistoryGenerator {
    public static final int DEFAULT_BATCH_SIZE = 2_000;

    private final World world;
    private final BehaviourModel behaviour;
    private final FeedPolicy policy;
    private final int batchSize;
    private final String idPrefix;
    private boolean used;

    /** The usual set-up: the world's behaviour model, the {@link BaselinePolicy}, ids {@code e<n>}/{@code r<n>}. */
    public static HistoryGenerator baseline(World world) {
        return new HistoryGenerator(world, new BehaviourModel(world), new BaselinePolicy(world), DEFAULT_BATCH_SIZE, "");
    }

    /**
     * @param batchSize events per {@code append} call (1..100,000)
     * @param idPrefix  prepended to every event and request id, so several runs can share one log without
     *                  their ids colliding in the log's dedupe window ("" for the plain {@code e<n>})
     */
    public HistoryGenerator(World world, BehaviourModel behaviour, FeedPolicy policy, int batchSize, String idPrefix) {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batchSize must be in [1, 100000], got " + batchSize);
        }
        if (idPrefix == null || idPrefix.length() > 64) {
            throw new IllegalArgumentException("idPrefix must be non-null and at most 64 chars, got " + idPrefix);
        }
        if (behaviour.world() != world) {
            throw new IllegalArgumentException("the behaviour model belongs to another world");
        }
        this.world = world;
        this.behaviour = behaviour;
        this.policy = policy;
        this.batchSize = batchSize;
        this.idPrefix = idPrefix;
    }

    /**
     * Generates the whole history into {@code log}, reporting progress after each batch.
     *
     * @throws IllegalStateException when called a second time on the same instance
     */
    public HistoryStats generate(EventSink log, ProgressListener progress) {
        if (used) {
            throw new IllegalStateException("a HistoryGenerator generates once; create a new one (and a new policy)");
        }
        used = true;
        WorldConfig config = world.config();
        EventEmitter out = new EventEmitter(log, batchSize, idPrefix, progress, config);
        SessionRunner sessions = new SessionRunner(world, behaviour, policy, out);
        DaySchedule schedule = new DaySchedule(world);
        long end = config.endMillis();
        int nextVideo = 0;
        int nextUser = 0;
        int videoCount = world.videoCount();
        int userCount = world.userCount();
        while (true) {
            long tVideo = nextVideo < videoCount ? world.uploadedAt(nextVideo) : Long.MAX_VALUE;
            long tUser = nextUser < userCount ? world.signupAt(nextUser) : Long.MAX_VALUE;
            long tStep = sessions.nextTime();
            long tStart = schedule.peekTime();
            long t = Math.min(Math.min(tVideo, tUser), Math.min(tStep, tStart));
            if (t >= end) {
                break;
            }
            if (tVideo == t) {
                out.video(world.video(nextVideo++));
            } else if (tUser == t) {
                out.user(world.user(nextUser++));
            } else if (tStep == t) {
                sessions.step();
            } else {
                sessions.startSession(schedule.pollUser(), t);
            }
        }
        out.flush();
        return out.stats(sessions.sessions());
    }
}
