package dev.marquee.server.cli;

import dev.marquee.server.DataDir;
import dev.marquee.server.Main;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: on first run generates the default world into {@code ./data}; later runs reuse it.
 * Grows with the funnel (training, serving) as those parts land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole funnel on the default world in ./data (generated on first run).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "data", description = "data directory (default ${DEFAULT-VALUE})")
    Path data;

    @Override
    public Integer call() {
        DataDir dir = new DataDir(data);
        if (!dir.hasEvents()) {
            System.err.println("demo: no world in " + data + " yet, generating the default world (first run only)");
            int rc = Main.run("generate", "--data", data.toString());
            if (rc != 0) {
                return rc;
            }
        }
        return Main.run("stats", "--data", data.toString());
    }
}
