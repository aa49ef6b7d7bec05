package dev.marquee.server.simulate;

import dev.marquee.sim.OutcomeMetrics;
import java.util.List;

/**
 * One policy's result in a simulation run.
 *
 * @param total    the whole run
 * @param days     per simulated day, in order
 * @param requests feed requests served
 * @param seconds  wall time of the policy's run (including retraining)
 */
public record PolicyOutcome(SimulatedPolicy policy, OutcomeMetrics total, List<OutcomeMetrics> days, long requests,
                            double seconds) {
    public PolicyOutcome {
        days = List.copyOf(days);
    }
}
