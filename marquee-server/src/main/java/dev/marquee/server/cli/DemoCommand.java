package dev.marquee.server.cli;

import dev.marquee.core.Clock;
import dev.marquee.server.DataDir;
import dev.marquee.server.NodeBackends;
import dev.marquee.server.RetrainScheduler;
import dev.marquee.server.Main;
import dev.marquee.server.http.AdmissionLimits;
import dev.marquee.training.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job, one command on a fresh machine: on first run generates the default world into
 * {@code ./data} and trains the models (two-tower, ranker, student) from it; every run then serves the
 * whole funnel on {@code --port} with the web UI at {@code /}. Later runs reuse {@code ./data}. Unlike
 * {@code serve}, the page carries the API token for browsers on this machine (loopback), so the UI works
 * without pasting it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the default world into ./data (first run), train the models, and serve the feed API "
                + "and web UI on --port.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "data", description = "data directory (default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--feed-auth", description = "require the bearer token on GET /v1/feed too")
    boolean feedAuth;

    @Override
    public Integer call() throws Exception {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            System.err.println("demo: first run — generating the default world into " + data);
            int rc = Main.run("generate", "--data", data.toString());
            if (rc != 0) {
                return rc;
            }
        }
        int rc = Main.run("stats", "--data", data.toString());
        if (rc != 0) {
            return rc;
        }
        ModelRegistry registry = new ModelRegistry(dir.models(), Clock.SYSTEM);
        if (registry.current("two-tower").isEmpty()) {
            System.err.println("demo: training the two-tower retrieval model (first run only)");
            rc = Main.run("train", "--data", data.toString(), "--model", "two-tower");
            if (rc != 0) {
                return rc;
            }
        }
        if (registry.current("ranker-student").isEmpty()) {
            System.err.println("demo: training the multi-task ranker and its student (first run only)");
            rc = Main.run("train", "--data", data.toString(), "--model", "ranker", "--sample", "0.3",
                    "--max-rows", "150000", "--epochs", "3");
            if (rc != 0) {
                return rc;
            }
        }
        // demo mode: the page hands the token to browsers on this machine so "watch" can post events
        ServeCommand.serve(dir, "0.0.0.0", port, feedAuth, true, AdmissionLimits.defaults(), RetrainScheduler.Config.defaults(),
                NodeBackends.embedded());
        return 0;
    }
}
