package dev.marquee.server.cli;

import dev.marquee.events.FileEventLog;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.WorldConfigFile;
import dev.marquee.server.simulate.PolicyOutcome;
import dev.marquee.server.simulate.SimulatedPolicy;
import dev.marquee.server.simulate.Simulation;
import dev.marquee.server.simulate.SimulationReport;
import dev.marquee.sim.ClosedLoopConfig;
import dev.marquee.sim.World;
import dev.marquee.sim.WorldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compares feed policies in the closed loop with the synthetic world's simulated users. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Closed-loop simulation: re-plays the last --days days of DIR's synthetic world under each policy. "
                + "The history before them is the common starting state (event log prefix, feature store, models "
                + "trained on that prefix); every policy starts from its own copy with the same seed. Simulated users "
                + "request feeds, the behaviour model decides clicks, views and shares, and the events flow through the "
                + "policy's event log and feature updater before its next request; models retrain at the start of every "
                + "--retrain-every-days-th simulated day.",
                "Policies: full (the pipeline as served); popular (most-popular chart, warmed with the history); "
                        + "no-realtime (the pipeline, but the feature updater applies only uploads and sign-ups during the "
                        + "run: every engagement feature — user history, affinities, watched set, counters, trending, "
                        + "co-watch — stays as at the start; retraining still happens); no-explore (no exploration "
                        + "slots); no-diversity (no creator/category rules); oracle (knows the true affinities).",
                "Rates are per impression. --json prints {POLICY: {ctr, long_view_rate, watch_minutes_per_session, "
                        + "share_rate, coverage, new_video_exposure, ...}} on stdout; progress goes to stderr."})
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory made by `marquee generate`")
    Path data;

    @Option(names = "--policy", defaultValue = "full,popular",
            description = "comma-separated policies: full|popular|no-realtime|no-explore|no-diversity|oracle (default ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--days", defaultValue = "1", description = "simulated days, the last of the world's period; fewer than the history's days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--users", defaultValue = "0", description = "simulate the sessions of about N users (every k-th user); 0 = all (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--retrain-every-days", defaultValue = "1", description = "retrain the models every N simulated days; 0 = never (default ${DEFAULT-VALUE})")
    int retrainEveryDays;

    @Option(names = "--epochs", defaultValue = "2", description = "training epochs at most per (re)training (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--sample", defaultValue = "0.3", description = "share of feed requests in the ranker dataset, raised on small logs to fill --max-rows (default ${DEFAULT-VALUE})")
    double sample;

    @Option(names = "--max-rows", defaultValue = "100000", description = "ranker training rows at most (default ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--ranker", defaultValue = "ranker-student",
            description = "ranker served by the pipeline policies: ranker-student (as `serve` by default) or ranker "
                    + "(the teacher) (default ${DEFAULT-VALUE})")
    String ranker;

    @Option(names = "--json", description = "print the metrics as one JSON object on stdout")
    boolean json;

    @Option(names = "--out", description = "write simulation.json and simulation.html into this directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents() || !Files.isRegularFile(dir.worldConfig())) {
            throw new CliException(data + " is not a synthetic world's data directory (needs events/ and world.properties "
                    + "from `marquee generate`)");
        }
        if (retrainEveryDays < 0) {
            throw new CliException("--retrain-every-days must be ≥ 0, got " + retrainEveryDays);
        }
        if (!ranker.equals("ranker") && !ranker.equals("ranker-student")) {
            throw new CliException("--ranker must be ranker or ranker-student, got " + ranker);
        }
        List<SimulatedPolicy> policies = SimulatedPolicy.parseList(policy);
        WorldConfig config = WorldConfigFile.read(dir.worldConfig());
        ClosedLoopConfig loop = ClosedLoopConfig.lastDays(config, days, users);
        World world = World.generate(config);
        Simulation.Budget budget = new Simulation.Budget(epochs, sample, maxRows, retrainEveryDays);
        List<PolicyOutcome> outcomes;
        try (FileEventLog source = FileEventLog.open(dir.events())) {
            outcomes = Simulation.run(world, loop, source, dir.root().resolve("text-vectors.bin"), budget, policies, ranker, System.err);
        }
        String title = String.format(Locale.ROOT, "%s: %,d videos, %,d users (every %d-th simulated), last %d of %d days, "
                        + "retrain every %d day(s), ranker %s", data, config.videos(), config.users(), loop.userStride(),
                days, config.days(), retrainEveryDays, ranker);
        if (json) {
            System.out.println(SimulationReport.toJsonString(outcomes));
        } else {
            printTable(outcomes);
        }
        if (out != null) {
            SimulationReport.write(out, outcomes, title);
            System.err.println("simulate: wrote " + out.resolve("simulation.json") + " and simulation.html");
        }
        return 0;
    }

    private static void printTable(List<PolicyOutcome> outcomes) {
        System.out.printf("%-13s %8s %10s %12s %10s %9s %9s %8s%n", "policy", "ctr", "long-view", "watch-min/s",
                "share", "coverage", "new-vid", "gini");
        for (PolicyOutcome o : outcomes) {
            var m = o.total();
            System.out.printf(Locale.ROOT, "%-13s %8.4f %10.4f %12.2f %10.5f %9.4f %9.4f %8.3f%n", o.policy().cliName(),
                    m.ctr(), m.longViewRate(), m.watchMinutesPerSession(), m.shareRate(), m.coverage(),
                    m.newVideoExposure(), m.creatorGini());
        }
    }
}
