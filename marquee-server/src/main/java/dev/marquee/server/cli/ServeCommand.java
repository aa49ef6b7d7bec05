package dev.marquee.server.cli;

import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.ServeConfig;
import dev.marquee.server.Wiring;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the HTTP server on an existing data directory and runs until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the feed API and web UI from DIR (event log, models, snapshots) until stopped.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "listen address (default ${DEFAULT-VALUE})")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            throw new CliException("no event log in " + data + " (run `marquee generate --data " + data
                    + "` or `marquee import` first)");
        }
        serve(dir, host, port);
        return 0;
    }

    static void serve(DataDir dir, String host, int port) throws InterruptedException {
        ServeConfig cfg = ServeConfig.defaults(dir, port).withListen(host, port);
        long t0 = System.nanoTime();
        Wiring wiring = Wiring.start(cfg, offset -> { });
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
