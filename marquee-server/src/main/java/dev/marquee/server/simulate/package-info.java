/**
 * {@code marquee simulate}: the closed loop of {@link dev.marquee.sim.ClosedLoopSimulator} run against the
 * real home-feed pipeline. Every policy starts from an identical copy of the data directory's state at the
 * start of the re-played days (event log prefix, feature store, models trained on that prefix) and draws the
 * same random numbers; its events flow back through its own event log, the {@code FeatureUpdater} and the
 * index updater before its next request, and its models retrain on the configured schedule.
 * {@link dev.marquee.server.simulate.PipelineStack} is the small builder of a serving pipeline over given
 * backends, shaped so {@code Wiring} can reuse it.
 */
package dev.marquee.server.simulate;
