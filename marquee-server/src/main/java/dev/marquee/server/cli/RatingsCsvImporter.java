package dev.marquee.server.cli;

import dev.marquee.events.BatchValidationException;
import dev.marquee.events.Event;
import dev.marquee.events.EventSink;
import dev.marquee.events.EventValidator;
import dev.marquee.events.Video;
import dev.marquee.server.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a ratings dataset ({@code userId,itemId,rating,timestamp} with a header, timestamps in epoch seconds,
 * plus {@code itemId,title,genres} with {@code |}-separated genres) as events, by {@link RatingsCsvMapping}.
 * All-or-nothing: both files are parsed and every event validated first; any bad row fails the import with
 * its file and line number and nothing is appended. Ratings are appended in time order (ties in file order).
 */
final class RatingsCsvImporter {
    private static final int MAX_REPORTED = 20;

    /** What was appended. */
    record Summary(int videos, int users, int ratings, long appended, long duplicates) {
    }

    private final EventValidator validator;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, String[]> items = new LinkedHashMap<>();
    private final Map<String, Integer> userIndex = new HashMap<>();
    private final List<String> users = new ArrayList<>();
    private final List<String> itemIds = new ArrayList<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final RatingColumns columns = new RatingColumns();

    RatingsCsvImporter(EventValidator validator) {
        this.validator = validator;
    }

    Summary run(Path ratingsFile, Path itemsFile, EventSink sink) throws IOException {
        readItems(itemsFile);
        readRatings(ratingsFile);
        if (!errors.isEmpty()) {
            StringBuilder b = new StringBuilder(errors.size() + " bad row(s); nothing appended:");
            errors.stream().limit(MAX_REPORTED).forEach(e -> b.append(System.lineSeparator()).append("  ").append(e));
            if (errors.size() > MAX_REPORTED) {
                b.append(System.lineSeparator()).append("  ... and ").append(errors.size() - MAX_REPORTED).append(" more");
            }
            throw new CliException(b.toString());
        }
        if (columns.rows() == 0) {
            throw new CliException(ratingsFile + " holds no rating: nothing to import");
        }
        return new RatingsEventStream(this).appendTo(sink);
    }

    private void readItems(Path file) throws IOException {
        readCsv(file, 3, (line, f) -> {
            String id = f.getFirst().trim(), genres = f.getLast();
            String title = String.join(",", f.subList(1, f.size() - 1)).trim();
            if (id.isEmpty()) {
                return "empty itemId";
            }
            if (items.putIfAbsent(id, new String[] {title, genres}) != null) {
                return "item " + id + " appears twice";
            }
            itemIndex.put(id, itemIds.size());
            itemIds.add(id);
            return check(List.of(RatingsCsvMapping.videoEvent(RatingsCsvMapping.video(id, title, genres, 0))));
        });
    }

    private void readRatings(Path file) throws IOException {
        readCsv(file, 4, (line, f) -> {
            if (f.size() != 4) {
                return "expected 4 fields (userId,itemId,rating,timestamp), got " + f.size();
            }
            String user = f.get(0).trim(), item = f.get(1).trim();
            double r;
            long t;
            try {
                r = Double.parseDouble(f.get(2).trim());
                t = Long.parseLong(f.get(3).trim());
            } catch (NumberFormatException e) {
                return "rating must be a number and timestamp whole epoch seconds, got '" + f.get(2) + "', '" + f.get(3) + "'";
            }
            if (!Double.isFinite(r) || t < 0 || t >= (1L << 38)) {
                return "rating must be finite and timestamp in [0, 2^38) epoch seconds, got " + f.get(2) + ", " + f.get(3);
            }
            Integer it = itemIndex.get(item);
            if (it == null) {
                return "item " + item + " is not in the items file";
            }
            String problem = user.isEmpty() ? "empty userId" : check(RatingsCsvMapping.ratingEvents(user, item, r, t * 1000));
            if (problem == null) {
                if (columns.rows() == RatingColumns.MAX_ROWS) {
                    throw new CliException("more than " + RatingColumns.MAX_ROWS + " ratings: split the file");
                }
                columns.add(userIndex.computeIfAbsent(user, u -> {
                    users.add(u);
                    return users.size() - 1;
                }), it, (float) r, t);
            }
            return problem;
        });
    }

    /** Null when the events are valid, else the validator's first complaint. */
    private String check(List<Event> events) {
        try {
            validator.validate(events);
            return null;
        } catch (BatchValidationException e) {
            var err = e.errors().getFirst();
            return err.field() + ": " + err.message();
        }
    }

    private interface RowHandler {
        String accept(int line, List<String> fields);
    }

    private void readCsv(Path file, int minFields, RowHandler handler) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || CsvFields.split(header).size() < minFields) {
                throw new CliException(file + ":1: expected a header with " + minFields + " columns, got: " + header);
            }
            String row;
            for (int line = 2; (row = in.readLine()) != null; line++) {
                if (row.isBlank()) {
                    continue;
                }
                String problem;
                try {
                    List<String> fields = CsvFields.split(row);
                    problem = fields.size() < minFields ? "expected " + minFields + " fields, got " + fields.size()
                            : handler.accept(line, fields);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                if (problem != null) {
                    errors.add(file + ":" + line + ": " + problem);
                }
            }
        }
    }

    RatingColumns columns() {
        return columns;
    }

    String user(int index) {
        return users.get(index);
    }

    int itemCount() {
        return itemIds.size();
    }

    int userCount() {
        return users.size();
    }

    String itemId(int item) {
        return itemIds.get(item);
    }

    Video video(int item, long firstSeenMillis) {
        String id = itemIds.get(item);
        String[] meta = items.get(id);
        return RatingsCsvMapping.video(id, meta[0], meta[1], firstSeenMillis);
    }
}
