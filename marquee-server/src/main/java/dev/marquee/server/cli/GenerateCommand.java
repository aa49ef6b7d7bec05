package dev.marquee.server.cli;

import dev.marquee.events.FileEventLog;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.WorldConfigFile;
import dev.marquee.sim.HistoryGenerator;
import dev.marquee.sim.HistoryStats;
import dev.marquee.sim.World;
import dev.marquee.sim.WorldConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates a deterministic synthetic world and its history into a data directory. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic video world (catalogue, creators, users) and D days of history into DIR's event log.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory (must not hold an event log yet)")
    Path data;

    @Option(names = "--videos", defaultValue = "50000", description = "videos (default ${DEFAULT-VALUE})")
    int videos;

    @Option(names = "--users", defaultValue = "20000", description = "users (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--days", defaultValue = "7", description = "simulated days of history (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--start", description = "first simulated day, YYYY-MM-DD (default: today minus --days, UTC); fix it for byte-identical reruns")
    LocalDate start;

    @Override
    public Integer call() {
        DataDir dir = new DataDir(data);
        if (dir.hasEvents()) {
            throw new CliException(data + " already holds an event log; generate into a new directory");
        }
        dir.create();
        WorldConfig config = config(videos, users, days, seed, start);
        long t0 = System.nanoTime();
        World world = World.generate(config);
        HistoryStats stats;
        try (FileEventLog log = FileEventLog.open(dir.events());
             ProgressBar bar = Progress.bar("generating", 1000, "‰")) {
            stats = HistoryGenerator.baseline(world).generate(log,
                    (events, fraction) -> bar.stepTo((long) (fraction * 1000)));
            bar.stepTo(1000);
        }
        WorldConfigFile.write(dir.worldConfig(), config);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.err.printf("generated %,d events in %.1f s (%,.0f events/s) into %s%n",
                stats.events(), secs, stats.events() / secs, dir.events());
        return 0;
    }

    /** The world shape for the CLI's options; creators scale with videos. */
    public static WorldConfig config(int videos, int users, int days, long seed, LocalDate start) {
        LocalDate first = start != null ? start : LocalDate.now(ZoneOffset.UTC).minusDays(days);
        long startMillis = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        if (videos <= 0 || users <= 0) {
            throw new CliException("--videos and --users must be positive");
        }
        return WorldConfig.defaults(startMillis).withDays(days).scaledTo(videos, users).withSeed(seed);
    }
}
