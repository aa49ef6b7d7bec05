package dev.marquee.server.cli;

import dev.marquee.core.Clock;
import dev.marquee.events.BatchValidationException;
import dev.marquee.events.Event;
import dev.marquee.events.EventJson;
import dev.marquee.events.EventValidator;
import dev.marquee.events.FileEventLog;
import dev.marquee.events.ValidationError;
import dev.marquee.server.CliException;
import dev.marquee.server.DataDir;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports JSON Lines events from a user's own platform; a file with any bad line is rejected whole. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Append JSON Lines event files (videos, users, interactions) to DIR's event log. "
                + "Each file is validated first; a file with a bad line is reported (line numbers) and nothing from it is appended.")
public final class ImportCommand implements Callable<Integer> {
    static final int BATCH = 5_000;

    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON Lines files")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        DataDir dir = new DataDir(data).create();
        EventJson json = new EventJson(new EventValidator(Clock.SYSTEM));
        int failed = 0;
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new CliException("no such file: " + file);
                }
                List<Event> events;
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    events = json.parseLines(in);
                } catch (BatchValidationException e) {
                    failed++;
                    System.err.printf("%s: rejected, %d bad line(s); nothing appended%n", file, e.totalErrors());
                    for (ValidationError err : e.errors()) {
                        System.err.printf("  %s:%d: %s: %s%n", file, err.index() + 1, err.field(), err.message());
                    }
                    continue;
                }
                int accepted = 0;
                int duplicates = 0;
                for (int i = 0; i < events.size(); i += BATCH) {
                    var r = log.append(events.subList(i, Math.min(events.size(), i + BATCH)));
                    accepted += r.accepted();
                    duplicates += r.duplicates();
                }
                System.err.printf("%s: %d events appended, %d duplicates skipped%n", file, accepted, duplicates);
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
