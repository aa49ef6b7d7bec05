package dev.marquee.sim;

import dev.marquee.events.EventSink;

/**
 * The closed loop of {@code marquee simulate}: re-plays the last days of a world's period under a policy.
 * Simulated users open sessions on the world's schedule, ask the policy for pages at the exact simulated
 * time, react through the {@link BehaviourModel}, and every event (including the period's uploads and
 * sign-ups) is handed to the policy's sink one at a time, in time order — so a policy that reads the sink
 * before answering sees everything that happened before its request. {@link FeedPolicy#dayStarted} marks
 * each simulated day. The same world, config and policy behaviour give the same run.
 *
 * <p>Same session model and random streams as {@link HistoryGenerator}; the history before
 * {@code startMillis} is not produced here (it is the starting state the caller loaded).
 */
public final class ClosedLoopSimulator {
    private final World world;
    private final BehaviourModel behaviour;
    private final ClosedLoopConfig config;

    public ClosedLoopSimulator(World world, BehaviourModel behaviour, ClosedLoopConfig config) {
        if (behaviour.world() != world) {
            throw new IllegalArgumentException("the behaviour model belongs to another world");
        }
        WorldConfig w = world.config();
        if (config.startMillis() < w.startMillis() || config.endMillis() > w.endMillis()
                || (config.startMillis() - w.startMillis()) % WorldConfig.DAY_MILLIS != 0) {
            throw new IllegalArgumentException("the simulated days must be whole days inside the world's period ["
                    + w.startMillis() + ", " + w.endMillis() + "), got [" + config.startMillis() + ", "
                    + config.endMillis() + ")");
        }
        this.world = world;
        this.behaviour = behaviour;
        this.config = config;
    }

    /**
     * Runs the loop; events go to {@code sink} through the returned recorder, which then holds the metrics.
     * {@code progress} is told at every day start ({@code fractionOfPeriod} = share of simulated days begun).
     */
    public OutcomeRecorder run(FeedPolicy policy, EventSink sink, ProgressListener progress) {
        long from = config.startMillis();
        long end = config.endMillis();
        OutcomeRecorder recorder = new OutcomeRecorder(world, behaviour, sink, from, config.days());
        EventEmitter out = new EventEmitter(recorder, 1, config.idPrefix(), ProgressListener.NONE, world.config());
        SessionRunner sessions = new SessionRunner(world, behaviour, policy, out);
        DaySchedule schedule = new DaySchedule(world);
        while (schedule.peekTime() < from) {
            schedule.pollUser();
        }
        int nextVideo = world.videosUploadedBy(from - 1);
        int nextUser = world.usersSignedUpBy(from - 1);
        int videoCount = world.videoCount();
        int userCount = world.userCount();
        int day = -1;
        long events = 0;
        while (true) {
            long tVideo = nextVideo < videoCount ? world.uploadedAt(nextVideo) : Long.MAX_VALUE;
            long tUser = nextUser < userCount ? world.signupAt(nextUser) : Long.MAX_VALUE;
            long tStep = sessions.nextTime();
            long tStart = schedule.peekTime();
            long t = Math.min(Math.min(tVideo, tUser), Math.min(tStep, tStart));
            if (t >= end) {
                break;
            }
            int d = (int) ((t - from) / WorldConfig.DAY_MILLIS);
            while (day < d) {
                day++;
                progress.onProgress(events, (double) day / config.days());
                policy.dayStarted(day, from + day * WorldConfig.DAY_MILLIS);
            }
            events++;
            if (tVideo == t) {
                out.video(world.video(nextVideo++));
            } else if (tUser == t) {
                out.user(world.user(nextUser++));
            } else if (tStep == t) {
                sessions.step();
            } else {
                int user = schedule.pollUser();
                if (config.simulates(user)) {
                    recorder.sessionStarted(t);
                    sessions.startSession(user, t);
                }
            }
        }
        out.flush();
        progress.onProgress(events, 1.0);
        return recorder;
    }
}
