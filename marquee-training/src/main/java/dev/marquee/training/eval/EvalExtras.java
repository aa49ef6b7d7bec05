package dev.marquee.training.eval;

import dev.marquee.events.EventLog;
import dev.marquee.features.FeatureStore;
import dev.marquee.feed.ranking.ScoreWeights;
import dev.marquee.sim.World;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Optional extra policies of {@code marquee eval}.
 *
 * @param world          the synthetic world the log was generated from (its hidden truths regenerated from
 *                       {@code world.properties}); adds {@code oracle-affinity}, {@code oracle-exposure} (exposure under
 *                       the logging policy over the holdout day) and {@code oracle-exposure-at-cutoff} (the chart in
 *                       force at the holdout start)
 * @param scoreVariants  adds {@code marquee-*} pipeline variants with another popularity prior in the score
 *                       ({@link PriorVariantScorer}); each costs one more full pipeline run per user
 * @param weightVariants  the full pipeline scored with each of these {@link ScoreWeights} instead of serving's
 *                        defaults, measured as {@code marquee-w[click:watch:share:pop:rate:dur]}; one more
 *                        pipeline run per user each
 */
public record EvalExtras(Optional<World> world, boolean scoreVariants, List<ScoreWeights> weightVariants) {
    public static final EvalExtras NONE = new EvalExtras(Optional.empty(), false, List.of());

    public EvalExtras {
        Objects.requireNonNull(world, "world");
        weightVariants = List.copyOf(weightVariants);
    }

    public EvalExtras(Optional<World> world, boolean scoreVariants) {
        this(world, scoreVariants, List.of());
    }

    /** The policy name of a weight variant: {@code marquee-w[1:2:4:0:0:0.2]}. */
    public static String weightVariantName(ScoreWeights w) {
        return "marquee-w[" + String.join(":", fmt(w.click()), fmt(w.watch()), fmt(w.share()), fmt(w.popularity()),
                fmt(w.rate()), fmt(w.duration())) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    void install(HoldoutLoop loop, EventLog log, OfflineFeed feed, FeatureStore store, CatalogueFacts facts,
                 EvalConfig config, long cutoff, long holdoutEnd, EvalProgress progress) {
        if (world.isPresent()) {
            progress.phase("oracles: replaying the logging policy", 0, 1);
            TrueEngagement truth = new TrueEngagement(world.get(), store, facts, cutoff);
            BaselineExposure.Estimates exposure = BaselineExposure.replay(log, world.get(), truth, cutoff, holdoutEnd);
            progress.phase("oracles: replaying the logging policy", 1, 1);
            loop.measure(new OracleAffinityPolicy(truth));
            loop.measure(new OracleExposurePolicy("oracle-exposure", truth, exposure.holdout()));
            loop.measure(new OracleExposurePolicy("oracle-exposure-at-cutoff", truth, exposure.atCutoff()));
            loop.measure(new HindsightPopularPolicy(TrueEngagement.top(exposure.holdoutLongViews(), 2_000)));
        }
        if (scoreVariants) {
            variant(loop, feed, config, cutoff, "marquee-lv24h-b0.5", PriorVariantScorer.Signal.LONG_VIEWS_24H, 0.5);
            variant(loop, feed, config, cutoff, "marquee-lv24h-b2", PriorVariantScorer.Signal.LONG_VIEWS_24H, 2);
            variant(loop, feed, config, cutoff, "marquee-imp24h-b1", PriorVariantScorer.Signal.IMPRESSIONS_24H, 1);
            variant(loop, feed, config, cutoff, "marquee-imp24h-b2", PriorVariantScorer.Signal.IMPRESSIONS_24H, 2);
        }
        for (ScoreWeights w : weightVariants) {
            loop.measure(new PipelineVariantPolicy(weightVariantName(w), feed, feed.withWeights(w), config, cutoff));
        }
    }

    private static void variant(HoldoutLoop loop, OfflineFeed feed, EvalConfig config, long cutoff, String name,
                                PriorVariantScorer.Signal signal, double beta) {
        loop.measure(new PipelineVariantPolicy(name, feed, feed.withPrior(signal, beta), config, cutoff));
    }
}
