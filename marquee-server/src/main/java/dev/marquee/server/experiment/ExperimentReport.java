package dev.marquee.server.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code marquee experiment report} prints: per-variant metrics (A/B), or the interleaving credit, and the
 * off-policy estimate of the candidate's CTR from the control's logs (when a target policy is given).
 *
 * @param offPolicyTarget variant label whose CTR the off-policy estimate targets (null when none)
 */
public record ExperimentReport(String experiment, List<VariantMetrics> variants, InterleavingCredit clicks,
                               InterleavingCredit longViews, String offPolicyTarget, OffPolicyEstimate offPolicy) {

    /** Builds the report from joined outcomes; {@code target} may be null (no off-policy section). */
    public static ExperimentReport of(Experiment e, List<ImpressionOutcome> outcomes, String targetLabel,
                                      TargetPolicy target) {
        List<VariantMetrics> metrics = new ArrayList<>();
        for (Variant v : e.variants()) {
            String label = e.label(v);
            metrics.add(VariantMetrics.of(label, outcomes.stream().filter(o -> o.variant().equals(label)).toList()));
        }
        InterleavingCredit clicks = null, longViews = null;
        if (e.interleaving()) {
            String a = e.label(e.variants().get(0)), b = e.label(e.variants().get(1));
            clicks = InterleavingCredit.of(a, b, outcomes, false);
            longViews = InterleavingCredit.of(a, b, outcomes, true);
        }
        OffPolicyEstimate off = null;
        if (target != null && !e.interleaving()) {
            String control = e.label(e.control());
            off = OffPolicyEstimate.of(outcomes.stream().filter(o -> o.variant().equals(control)).toList(), target);
        }
        return new ExperimentReport(e.name(), metrics, clicks, longViews, off == null ? null : targetLabel, off);
    }

    public VariantMetrics metrics(String label) {
        return variants.stream().filter(m -> m.variant().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + label + " in the report"));
    }

    public String toText() {
        StringBuilder s = new StringBuilder("experiment " + experiment + "\n");
        s.append(String.format("%-24s %6s %9s  %-26s %-26s %-26s %s%n", "variant", "users", "impr.", "CTR [95% CI]",
                "long-view rate", "share rate", "watch s/user"));
        for (VariantMetrics m : variants) {
            s.append(String.format("%-24s %6d %9d  %-26s %-26s %-26s %s%n", m.variant(), m.users(), m.impressions(),
                    fmt(m.ctr()), fmt(m.longViewRate()), fmt(m.shareRate()), fmt(m.watchSecondsPerUser())));
        }
        for (InterleavingCredit c : new InterleavingCredit[] {clicks, longViews}) {
            if (c != null) {
                s.append(String.format("interleaving (%s): %s wins %d, %s wins %d, ties %d; preference for %s %s, sign test p=%.4g%n",
                        c == clicks ? "clicks" : "long views", c.teamA(), c.winsA(), c.teamB(), c.winsB(), c.ties(),
                        c.teamB(), fmt(c.preferenceInterval()), c.pValue()));
            }
        }
        if (offPolicy != null) {
            s.append(String.format("off-policy CTR of %s from the control's logs (%d impressions, ESS %.0f): IPS %s, SNIPS %s%n",
                    offPolicyTarget, offPolicy.impressions(), offPolicy.effectiveSampleSize(), fmt(offPolicy.ips()),
                    fmt(offPolicy.snips())));
        }
        return s.toString();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("experiment", experiment);
        List<Object> vs = new ArrayList<>();
        for (VariantMetrics m : variants) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("variant", m.variant());
            v.put("users", m.users());
            v.put("impressions", m.impressions());
            v.put("ctr", json(m.ctr()));
            v.put("longViewRate", json(m.longViewRate()));
            v.put("shareRate", json(m.shareRate()));
            v.put("watchSecondsPerUser", json(m.watchSecondsPerUser()));
            vs.add(v);
        }
        j.put("variants", vs);
        if (clicks != null) {
            j.put("interleavingClicks", clicks);
            j.put("interleavingLongViews", longViews);
        }
        if (offPolicy != null) {
            j.put("offPolicy", Map.of("target", offPolicyTarget, "impressions", offPolicy.impressions(),
                    "ips", json(offPolicy.ips()), "snips", json(offPolicy.snips()),
                    "effectiveSampleSize", offPolicy.effectiveSampleSize()));
        }
        return j;
    }

    private static Map<String, Double> json(Estimate e) {
        return Map.of("value", e.value(), "low", e.low(), "high", e.high());
    }

    private static String fmt(Estimate e) {
        return String.format("%.4f [%.4f, %.4f]", e.value(), e.low(), e.high());
    }
}
