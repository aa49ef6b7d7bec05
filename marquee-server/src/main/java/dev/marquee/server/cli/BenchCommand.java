package dev.marquee.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import dev.marquee.server.load.LoadConfig;
import dev.marquee.server.load.LoadGenerator;
import dev.marquee.server.load.LoadReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marquee bench}: an open-loop HTTP load test of a running server ({@code --url}) or of one started in
 * this process on a data directory ({@code --data}; the generator then shares the server's cores).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Open-loop load test: feeds for Zipf-sampled users mixed with event posts at a fixed arrival rate; "
                + "prints p50/p90/p99/p99.9, throughput, errors per endpoint and the server's stage timings.")
public final class BenchCommand implements Callable<Integer> {
    static final class Target {
        @Option(names = "--url", description = "base URL of a running server, e.g. http://127.0.0.1:8080")
        URI url;

        @Option(names = "--data", description = "start a server in this process on DIR (loopback, any free port)")
        Path data;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--rate", required = true, description = "arrivals per second (feeds + event posts)")
    double rate;

    @Option(names = "--duration", required = true, description = "measured seconds")
    double duration;

    @Option(names = "--warmup", defaultValue = "5", description = "un-measured seconds at the same rate first (default ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--users", defaultValue = "1000", description = "distinct users sampled from the server (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--events-ratio", defaultValue = "0.1", description = "share of arrivals that post an event batch (default ${DEFAULT-VALUE})")
    double eventsRatio;

    @Option(names = "--batch", defaultValue = "50", description = "events per post (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--token", description = "bearer token for the API (default: DIR/api-token with --data, when present)")
    String token;

    @Option(names = "--json", description = "print the report as JSON instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(duration > 0) || !(warmup >= 0)) {
            throw new CliException("--duration must be > 0 and --warmup ≥ 0 seconds, got " + duration + " and " + warmup);
        }
        Wiring embedded = null;
        URI url = target.url;
        String bearer = token;
        try {
            if (target.data != null) {
                DataDir dir = new DataDir(target.data);
                if (!dir.hasEvents()) {
                    throw new CliException("no event log in " + target.data + " (run `marquee generate` first)");
                }
                embedded = Wiring.start(ServeConfig.defaults(dir, 0).withListen("127.0.0.1", 0), o -> { });
                url = URI.create("http://127.0.0.1:" + embedded.port());
                Path tokenFile = target.data.resolve("api-token");
                if (bearer == null && Files.isReadable(tokenFile)) {
                    bearer = Files.readString(tokenFile).strip();
                }
            }
            LoadConfig cfg = LoadConfig.of(url, rate, nanos(duration)).withWarmup(nanos(warmup))
                    .withMix(users, eventsRatio, batch).withToken(bearer);
            LoadReport report;
            try {
                report = LoadGenerator.run(cfg);
            } catch (IllegalStateException e) {
                throw new CliException(e.getMessage());
            }
            System.out.println(json ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report) : report.toText());
            return 0;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static Duration nanos(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
