package dev.marquee.server.cli;

import dev.marquee.server.ApiTokenFile;
import dev.marquee.server.CliException;
import dev.marquee.server.BackendSpec;
import dev.marquee.server.DataDir;
import dev.marquee.server.NodeBackends;
import dev.marquee.server.RetrainScheduler;
import dev.marquee.server.TrainingRun;
import java.time.Duration;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import dev.marquee.server.http.AdmissionLimits;
import dev.marquee.server.http.ApiProtection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the HTTP server on an existing data directory and runs until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the feed API and web UI from DIR (event log, models, snapshots) until stopped. Write "
                + "endpoints need `Authorization: Bearer <token>`: the token is $MARQUEE_API_TOKEN, else DIR/api-token "
                + "(generated and printed on first start).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "listen address (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--feed-auth", description = "require the bearer token on GET /v1/feed too")
    boolean feedAuth;

    @Option(names = "--feed-concurrency", defaultValue = "32",
            description = "feed requests in flight before new ones get 503 (default ${DEFAULT-VALUE})")
    int feedConcurrency;

    @Option(names = "--events-concurrency", defaultValue = "16",
            description = "event batches in flight before new ones get 503 (default ${DEFAULT-VALUE})")
    int eventsConcurrency;

    @Option(names = "--retrain-every-minutes", defaultValue = "60",
            description = "check every N minutes whether to retrain in the background (0 = never; default ${DEFAULT-VALUE})")
    long retrainMinutes;

    @Option(names = "--retrain-min-events", defaultValue = "50000",
            description = "new events since the current models' data needed to retrain (default ${DEFAULT-VALUE})")
    long retrainMinEvents;

    @Option(names = "--event-log", defaultValue = "file",
            description = "file (DIR/events, default) or kafka://HOST:PORT[?topic=marquee-events&partitions=1]")
    String eventLog;

    @Option(names = "--feature-store", defaultValue = "memory",
            description = "memory (default; rebuilt from the log) or redis://HOST:PORT[?prefix=marquee] (shared by nodes)")
    String featureStore;

    @Option(names = "--no-local-updater",
            description = "do not apply events here: `marquee update` processes keep the shared Redis store current")
    boolean noLocalUpdater;

    @Override
    public Integer call() throws InterruptedException {
        DataDir dir = new DataDir(data);
        NodeBackends backends = new NodeBackends(BackendSpec.eventLog(eventLog), BackendSpec.featureStore(featureStore),
                !noLocalUpdater);
        if (backends.embeddedLog() && !dir.hasEvents()) {
            throw new CliException("no event log in " + data + " (run `marquee generate --data " + data
                    + "` or `marquee import` first)");
        }
        AdmissionLimits d = AdmissionLimits.defaults();
        if (retrainMinutes < 0 || retrainMinEvents < 1) {
            throw new CliException("--retrain-every-minutes must be ≥ 0 and --retrain-min-events ≥ 1");
        }
        serve(dir, host, port, feedAuth, false,
                new AdmissionLimits(feedConcurrency, eventsConcurrency, d.writes(), d.reads(), d.maxWait()),
                new RetrainScheduler.Config(Duration.ofMinutes(retrainMinutes), retrainMinEvents, TrainingRun.Options.all()),
                backends);
        return 0;
    }

    /** @param uiToken hand the token to the web page for loopback browsers (demo mode only) */
    static void serve(DataDir dir, String host, int port, boolean feedAuth, boolean uiToken, AdmissionLimits admission,
                      RetrainScheduler.Config retrain, NodeBackends backends) throws InterruptedException {
        ApiTokenFile.Resolved token = ApiTokenFile.resolve(dir.create(), System.getenv(ApiTokenFile.ENV));
        if (token.generated()) {
            // printed to the console once, never logged; later starts read it from the file
            System.err.println("marquee: generated API token (shown once; kept in " + token.source() + ", mode 600): "
                    + token.token().reveal());
        } else {
            System.err.println("marquee: API token from " + token.source());
        }
        ServeConfig cfg = ServeConfig.defaults(dir, port).withListen(host, port)
                .withProtection(new ApiProtection(token.token(), feedAuth, uiToken, admission)).withBackends(backends);
        long t0 = System.nanoTime();
        Wiring wiring = Wiring.start(cfg, retrain, offset -> { });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            wiring.close();
            stopped.countDown();
        }, "marquee-shutdown"));
        System.err.printf("marquee: ready in %.1f s — open http://localhost:%d/%n", (System.nanoTime() - t0) / 1e9,
                wiring.port());
        stopped.await();
    }
}
