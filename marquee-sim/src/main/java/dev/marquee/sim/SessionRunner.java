package dev.marquee.sim;

import dev.marquee.events.View;

/**
 * Runs feed sessions as a discrete-event simulation: every in-flight session has exactly one pending
 * step (request a page, click, finish a view) in a time-ordered heap keyed {@code (time − start) << 27 | slot},
 * so events come out in non-decreasing time and the policy is asked at the exact simulated time.
 *
 * <p>A page: the policy returns up to feedSize videos, all impressions are logged at the request time, and
 * the behaviour model decides at once which are clicked, how long each is watched and whether it is shared.
 * The user then scans the page top to bottom ({@value #SCAN_MILLIS} ms per position), clicks, watches, comes
 * back {@value #RETURN_MILLIS} ms later and continues; at the end of the page they request the next one
 * with p = 0.75 if the page produced a long view, 0.40 otherwise, up to maxPagesPerSession.
 * Session state lives in per-slot primitive arrays, recycled through a free list.
 */
final class SessionRunner {
    static final long SCAN_MILLIS = 1_500;
    static final long RETURN_MILLIS = 2_000;
    static final long PAGE_GAP_MILLIS = 1_000;
    private static final int SLOT_BITS = 27;
    private static final byte REQUEST = 0;
    private static final byte CLICK = 1;
    private static final byte VIEW = 2;

    private final World world;
    private final BehaviourModel model;
    private final FeedPolicy policy;
    private final EventEmitter out;
    private final RecentImpressions recent;
    private final SimRandom rng;
    private final int k;
    private final int maxPages;
    private final long start;
    private final LongMinHeap queue = new LongMinHeap();
    private final SessionSlots slots;

    SessionRunner(World world, BehaviourModel model, FeedPolicy policy, EventEmitter out) {
        this.world = world;
        this.model = model;
        this.policy = policy;
        this.out = out;
        this.recent = new RecentImpressions(world.userCount());
        this.rng = SimRandom.stream(world.config().seed(), RandomStreams.BEHAVIOUR, 0);
        this.k = world.config().feedSize();
        this.maxPages = world.config().maxPagesPerSession();
        this.start = world.config().startMillis();
        this.slots = new SessionSlots(k);
    }

    /** Time of the next pending step, or {@link Long#MAX_VALUE} when no session is in flight. */
    long nextTime() {
        return queue.isEmpty() ? Long.MAX_VALUE : start + (queue.peek() >>> SLOT_BITS);
    }

    void startSession(int user, long t) {
        int s = slots.allocate(user);
        requestPage(s, t);
    }

    /** Runs the earliest pending step. */
    void step() {
        long key = queue.pop();
        int s = (int) (key & ((1L << SLOT_BITS) - 1));
        long t = start + (key >>> SLOT_BITS);
        int pos = slots.actionPos[s];
        switch (slots.action[s]) {
            case REQUEST -> requestPage(s, t);
            case CLICK -> {
                int v = slots.video(s, pos);
                out.click(t, slots.userId[s], World.videoId(v), slots.requestId[s]);
                policy.observe(slots.user[s], v, t, FeedPolicy.Feedback.CLICK);
                schedule(s, t + slots.watchTenths(s, pos) * 100L, VIEW, pos);
            }
            case VIEW -> finishView(s, t, pos);
            default -> throw new IllegalStateException("unknown session action " + slots.action[s]);
        }
    }

    private void requestPage(int s, long t) {
        int user = slots.user[s];
        int[] videos = policy.recommend(user, t, k);
        FeedCheck.check(videos, k, world.videosUploadedBy(t), t);
        if (videos.length == 0) {
            slots.release(s);
            return;
        }
        String requestId = out.nextRequestId();
        slots.beginPage(s, requestId, videos, t);
        for (int i = 0; i < videos.length; i++) {
            int v = videos[i];
            out.impression(t, slots.userId[s], World.videoId(v), requestId, i);
            policy.observe(user, v, t, FeedPolicy.Feedback.IMPRESSION);
            double affinity = model.trueAffinity(user, v, t);
            double p = BehaviourModel.clickProbability(affinity, model.quality(v), model.appeal(v), i,
                    recent.count(user, v), model.understands(user, v));
            if (rng.nextDouble() < p) {
                double watch = model.sampleWatchSeconds(affinity, user, v, rng);
                boolean share = watch > View.LONG_VIEW_SECONDS
                        && rng.nextDouble() < BehaviourModel.shareProbability(affinity, model.quality(v));
                slots.setOutcome(s, i, (int) Math.round(watch * 10), share);
            }
        }
        for (int v : videos) {
            recent.add(user, v);
        }
        scheduleNextOnPage(s);
    }

    private void finishView(int s, long t, int pos) {
        int v = slots.video(s, pos);
        int user = slots.user[s];
        double seconds = slots.watchTenths(s, pos) / 10.0;
        out.view(t, slots.userId[s], World.videoId(v), slots.requestId[s], seconds);
        if (seconds > View.LONG_VIEW_SECONDS) {
            slots.longViewOnPage[s] = true;
            policy.observe(user, v, t, FeedPolicy.Feedback.LONG_VIEW);
        }
        if (slots.shared(s, pos)) {
            out.share(t, slots.userId[s], World.videoId(v), slots.requestId[s]);
            policy.observe(user, v, t, FeedPolicy.Feedback.SHARE);
        }
        slots.cursor[s] = pos;
        slots.cursorTime[s] = t + RETURN_MILLIS;
        scheduleNextOnPage(s);
    }

    private void scheduleNextOnPage(int s) {
        int cursor = slots.cursor[s];
        int len = slots.pageLength[s];
        for (int i = cursor + 1; i < len; i++) {
            if (slots.watchTenths(s, i) >= 0) {
                schedule(s, slots.cursorTime[s] + (i - cursor) * SCAN_MILLIS, CLICK, i);
                return;
            }
        }
        long pageEnd = slots.cursorTime[s] + (len - 1 - cursor) * SCAN_MILLIS + PAGE_GAP_MILLIS;
        double pContinue = slots.longViewOnPage[s] ? 0.75 : 0.40;
        if (slots.page[s] + 1 < maxPages && rng.nextDouble() < pContinue) {
            slots.page[s]++;
            schedule(s, pageEnd, REQUEST, 0);
        } else {
            slots.release(s);
        }
    }

    private void schedule(int s, long t, byte action, int pos) {
        slots.action[s] = action;
        slots.actionPos[s] = pos;
        queue.push(((t - start) << SLOT_BITS) | s);
    }

    /** Sessions started so far. */
    long sessions() {
        return slots.allocated();
    }
}
