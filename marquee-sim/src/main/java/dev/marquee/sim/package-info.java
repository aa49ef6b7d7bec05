/**
 * The synthetic video platform Marquee trains, evaluates and demos on when no real data is at hand:
 * a {@link dev.marquee.sim.World} (topics with real English vocabularies grouped into categories,
 * creators, videos, users with demographics and latent tastes), a {@link dev.marquee.sim.BehaviourModel}
 * saying how users react to what they are shown, {@link dev.marquee.sim.FeedPolicy} as the seam where a
 * recommender plugs in, and a {@link dev.marquee.sim.HistoryGenerator} that streams days of platform
 * history into an event log, and a {@link dev.marquee.sim.ClosedLoopSimulator} that re-plays the last days of
 * the period under any policy while an {@link dev.marquee.sim.OutcomeRecorder} tallies CTR, long views, watch
 * time, coverage, creator Gini and new-video exposure. Everything is deterministic from {@link dev.marquee.sim.WorldConfig#seed()}.
 *
 * <h2>Behaviour model</h2>
 * Notation: user u, video v shown at 0-based position i at time t; video v has main topic m, second topic s
 * with mixing weight w ∈ [0.6, 1], latent quality q ∈ [0, 1], appeal z = ln(popularity) ≥ 0 and duration D
 * seconds; user u has preferences P_u[k] ∈ [0, 1] over topics, a drift topic d_u and a device.
 * σ(x) = 1 / (1 + e^−x).
 * <ul>
 * <li><b>True affinity</b> (interest drift: λ grows by {@code interestDriftPerDay} per day since the start):
 *   <pre>
 *   λ(t) = min(1, interestDriftPerDay · (t − start) / 1 day)
 *   a(u,v,t) = (1 − λ) · (w·P_u[m] + (1−w)·P_u[s]) + λ · (w·[m = d_u] + (1−w)·[s = d_u])   ∈ [0, 1]</pre></li>
 * <li><b>Click</b> (examination × attractiveness × fatigue × language):
 *   <pre>
 *   p(click) = E(i) · 0.45^r · L · σ(−3.5 + 4.0·a + 1.2·q + 0.35·min(z, 4))
 *   E(i) = 1 / log2(i + 2)            position bias: 1, 0.63, 0.5, 0.43, ...
 *   r    = times v is among u's last 32 impressions (fatigue for repeats)
 *   L    = 1 if v is in English or in u's country language, else 0.25</pre></li>
 * <li><b>Watch time given a click</b>: a bounce with probability b, else an engaged watch of fraction f:
 *   <pre>
 *   b = σ(2.0 − 3.0·a − 2.0·q)                         bounce: watch = 2 + 10·U seconds
 *   κ = (0.5 + 3.0·(0.6·a + 0.4·q)) · device factor     (mobile 0.85, desktop 1.0, tv 1.3)
 *   f = U^(1/κ)   (mean κ/(κ+1))                       engaged: watch = f · D
 *   watch = clamp(watch, 1, D), rounded to 0.1 s
 *   p(watch &gt; 30 s | click) = (1 − b) · (1 − (30/D)^κ)   for D &gt; 30, else 0</pre>
 *   so "watched &gt; 30 s" rises with affinity and quality, and shorts rarely reach it.</li>
 * <li><b>Share</b>, only after a long view (&gt; 30 s): {@code p(share) = σ(−5.0 + 2.5·a + 1.5·q)}.</li>
 * </ul>
 *
 * <h2>Sessions</h2>
 * Users have power-law activity (Pareto α = 1.5, mean 1); an active day has 1 + Poisson sessions with
 * diurnal start times; a session requests pages of {@code feedSize} from the policy, scans them top to
 * bottom (1.5 s a position), clicks and watches per the model, and continues to the next page with
 * p = 0.75 after a page with a long view, 0.40 otherwise (see {@code SessionRunner}, {@code DaySchedule}).
 * The {@link dev.marquee.sim.BaselinePolicy} mixes a smoothed-engagement "popular" chart with uniform
 * random uploaded videos, which makes impressions power-law distributed.
 */
package dev.marquee.sim;
