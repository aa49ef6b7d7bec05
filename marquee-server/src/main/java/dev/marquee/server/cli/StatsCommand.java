package dev.marquee.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marquee.events.FileEventLog;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.LogStats;
import dev.marquee.features.FeatureStoreConfig;
import dev.marquee.features.FeatureStoreStats;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.server.Replay;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
            Map<String, Object> json = stats.toJson();
            json.put("features", featureFigures(log));
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            System.out.println(mapper.writeValueAsString(json));
        }
        return 0;
    }

    /** Replays the whole log into a fresh in-memory feature store and reports its size. */
    private static Map<String, Object> featureFigures(FileEventLog log) {
        InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());
        long t0 = System.nanoTime();
        Replay.into(store, log, Progress.forLog("replaying", log.endOffset()));
        double secs = (System.nanoTime() - t0) / 1e9;
        FeatureStoreStats s = store.stats();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("users", s.users());
        f.put("videos", s.videos());
        f.put("coWatchEdges", s.coWatchEdges());
        f.put("memoryBytes", s.memoryBytes());
        f.put("appliedOffset", s.offset());
        f.put("replaySeconds", Math.round(secs * 1000) / 1000.0);
        f.put("replayEventsPerSecond", Math.round(log.endOffset() / Math.max(secs, 1e-9)));
        return f;
    }
}
