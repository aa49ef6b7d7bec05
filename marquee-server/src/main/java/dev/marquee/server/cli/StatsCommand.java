package dev.marquee.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marquee.events.FileEventLog;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.LogStats;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the data directory's counts as JSON on stdout (keys are a stable contract; see README). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print JSON counts of DIR: videos, users, creators, events by type, and feature-store figures after a replay.")
public final class StatsCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Override
    public Integer call() throws Exception {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            throw new CliException("no event log in " + data + " (run `marquee generate --data " + data + "` first)");
        }
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            LogStats stats = LogStats.scan(log, Progress.forLog("scanning", log.endOffset()));
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            System.out.println(mapper.writeValueAsString(stats.toJson()));
        }
        return 0;
    }
}
