package dev.marquee.server.experiment;

/**
 * The candidate policy in off-policy evaluation: its probability of the logged action (this item at this
 * position in this request). Must be a true probability of the same action the logging propensity refers to.
 */
@FunctionalInterface
public interface TargetPolicy {
    double probability(ImpressionOutcome logged);

    /**
     * The control with exploration switched off: its deterministic placements (logged propensity 1) are kept,
     * its exploration picks (propensity &lt; 1) never happen. Biased: a logged propensity of 1 is conditional on
     * the request's slot draw, so it overstates how surely the no-exploration policy puts that item there.
     */
    TargetPolicy NO_EXPLORATION = o -> o.propensity() >= 1.0 ? 1.0 : 0.0;
}
