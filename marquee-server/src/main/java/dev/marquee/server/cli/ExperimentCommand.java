package dev.marquee.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.SegmentedLogConfig;
import dev.marquee.events.ServedImpression;
import dev.marquee.events.ServedImpressionLog;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import dev.marquee.server.experiment.Experiment;
import dev.marquee.server.experiment.ExperimentConfigFile;
import dev.marquee.server.experiment.ExperimentLogJoin;
import dev.marquee.server.experiment.ExperimentReport;
import dev.marquee.server.experiment.ImpressionOutcome;
import dev.marquee.server.experiment.TargetPolicy;
import dev.marquee.training.join.AttributionWindows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code marquee experiment report}: the experiment's per-variant metrics from DIR's impression and event logs. */
@Command(name = "experiment", mixinStandardHelpOptions = true, subcommands = ExperimentCommand.Report.class,
        description = "Analyse online experiments declared in DIR/experiments.json.")
public final class ExperimentCommand {

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Per-variant CTR, long-view rate, share rate, watch time per user with 95% intervals; "
                    + "interleaving preference; IPS/SNIPS of the candidate's CTR from the control's logs.")
    static final class Report implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "data directory")
        Path data;
        @Option(names = "--name", required = true, description = "experiment name")
        String name;
        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Override
        public Integer call() throws Exception {
            DataDir dir = new DataDir(data);
            Path file = dir.root().resolve(ExperimentConfigFile.FILE);
            Experiment e = ExperimentConfigFile.readOrNone(file).find(name)
                    .orElseThrow(() -> new CliException("no experiment '" + name + "' in " + file));
            if (!dir.hasEvents()) {
                throw new CliException("no event log in " + data);
            }
            List<ImpressionOutcome> outcomes;
            try (FileEventLog log = FileEventLog.open(dir.events());
                 ServedImpressionLog impressions = ServedImpressionLog.open(dir.impressions(), SegmentedLogConfig.DEFAULTS)) {
                List<ServedImpression> served = new ArrayList<>();
                impressions.forEach(0, served::add);
                outcomes = ExperimentLogJoin.join(served, name, log, AttributionWindows.defaults());
            }
            boolean noExploreCandidate = e.variants().size() == 2 && e.variants().get(1).overrides().explorationShare() != null
                    && e.variants().get(1).overrides().explorationShare() == 0.0;
            ExperimentReport report = ExperimentReport.of(e, outcomes, e.label(e.variants().get(1)),
                    noExploreCandidate ? TargetPolicy.NO_EXPLORATION : null);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toJson()));
            } else {
                System.out.print(report.toText());
            }
            return 0;
        }
    }
}
