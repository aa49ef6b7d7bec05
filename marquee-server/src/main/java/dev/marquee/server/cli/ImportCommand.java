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

/**
 * Imports events from a user's own platform: JSON Lines event files (a file with any bad line is rejected
 * whole), or a ratings dataset mapped to events by {@link RatingsCsvMapping} (all-or-nothing).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Append events to DIR's event log.",
                "--format jsonl (default): JSON Lines event files (videos, users, interactions). Each file is validated "
                        + "first; a file with a bad line is reported (line numbers) and nothing from it is appended.",
                "--format ratings-csv --ratings FILE --items FILE: FILE of userId,itemId,rating,timestamp (header; epoch "
                        + "seconds) and FILE of itemId,title,genres (header; genres |-separated). Mapping: each item -> a "
                        + "video (category = first genre, tags = genres, creator rc-<category>-<itemId hash mod 20>, 600 s, "
                        + "uploaded at its first rating); each user -> a profile (segment unknown); each rating -> an "
                        + "impression + a click; rating >= 4 -> a 60 s view (a long view, > 30 s), else a 10 s view; "
                        + "rating >= 4.5 -> a share. Any bad row fails the import with its line number; nothing is appended. "
                        + "See docs/evaluation.md."})
public final class ImportCommand implements Callable<Integer> {
    static final int BATCH = 5_000;

    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl | ratings-csv (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--ratings", description = "ratings-csv: userId,itemId,rating,timestamp file")
    Path ratings;

    @Option(names = "--items", description = "ratings-csv: itemId,title,genres file")
    Path items;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "JSON Lines files (--format jsonl)")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        return switch (format) {
            case "jsonl" -> importJsonLines();
            case "ratings-csv" -> importRatings();
            default -> throw new CliException("--format must be jsonl or ratings-csv, got " + format);
        };
    }

    private int importRatings() throws IOException {
        if (ratings == null || items == null || (files != null && !files.isEmpty())) {
            throw new CliException("--format ratings-csv needs --ratings FILE and --items FILE and no positional files");
        }
        DataDir dir = new DataDir(data).create();
        RatingsCsvImporter importer = new RatingsCsvImporter(new EventValidator(Clock.SYSTEM));
        try (FileEventLog log = FileEventLog.open(dir.events())) {
            RatingsCsvImporter.Summary s = importer.run(ratings, items, log);
            System.err.printf("%s + %s: %,d videos, %,d users, %,d ratings -> %,d events appended, %,d duplicates skipped%n",
                    ratings, items, s.videos(), s.users(), s.ratings(), s.appended(), s.duplicates());
        }
        return 0;
    }

    private int importJsonLines() throws IOException {
        if (files == null || files.isEmpty()) {
            throw new CliException("--format jsonl needs at least one FILE");
        }
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
