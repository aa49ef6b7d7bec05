package dev.marquee.training.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marquee.models.ranker.CategoricalField;
import dev.marquee.models.ranker.FeatureSchema;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.training.ranker.ExampleTable;
import dev.marquee.training.registry.TrainingDataRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a ranker {@link ExampleTable} as one Parquet snapshot per training run: rows in time order with the
 * request index, impression time, every served feature (numeric as FLOAT, categorical ids as INTEGER, each
 * column named after its feature) and the three labels. The snapshot appears atomically: it is written into a
 * temporary directory and renamed, so a reader never sees half a dataset. Keeps the newest {@code keep}
 * snapshots of a kind and deletes older ones.
 */
public final class ParquetDatasetWriter {
    public static final String PARQUET_FILE = "examples.parquet";
    public static final String MANIFEST_FILE = "dataset.json";
    private static final Pattern SAFE = Pattern.compile("[^a-z0-9_]");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] LABELS = new String[RankerHeads.COUNT];

    static {
        LABELS[RankerHeads.CLICK] = "label_click";
        LABELS[RankerHeads.WATCH_30S] = "label_watch30";
        LABELS[RankerHeads.SHARE] = "label_share";
    }

    private final Path root;
    private final int keep;

    /** @param root directory holding snapshots ({@code DATA/datasets}); @param keep snapshots kept per kind (≥ 1) */
    public ParquetDatasetWriter(Path root, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be ≥ 1, got " + keep);
        }
        this.root = root;
        this.keep = keep;
    }

    /** Column names of the Parquet file for a schema, in order (stable: documented in docs/datasets.md). */
    public static List<String> columns(FeatureSchema schema) {
        List<String> cols = new ArrayList<>(List.of("request", "time", "position"));
        Set<String> seen = new TreeSet<>(cols);
        for (String n : schema.numeric()) {
            cols.add(unique("f_" + SAFE.matcher(n.toLowerCase()).replaceAll("_"), seen));
        }
        for (CategoricalField c : schema.categorical()) {
            cols.add(unique("c_" + SAFE.matcher(c.name().toLowerCase()).replaceAll("_"), seen));
        }
        cols.addAll(List.of(LABELS));
        return cols;
    }

    private static String unique(String name, Set<String> seen) {
        String n = name;
        for (int i = 2; !seen.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    /** Writes {@code table} as snapshot {@code kind-<UTC time>} and prunes old snapshots of the kind. */
    public DatasetSnapshot write(String kind, ExampleTable table, TrainingDataRange range, Instant now) throws IOException {
        if (!kind.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("dataset kind must be lower-case letters, digits and '-', got '" + kind + "'");
        }
        String name = kind + "-" + STAMP.format(now);
        Path target = root.resolve(name);
        if (Files.exists(target)) {
            throw new IOException("dataset snapshot " + target + " already exists");
        }
        Files.createDirectories(root);
        Path temp = Files.createTempDirectory(root, ".tmp-" + name);
        List<String> columns = columns(table.schema());
        try {
            writeParquet(table, columns, temp.resolve(PARQUET_FILE));
            var snapshot = new DatasetSnapshot(target, name, table.rows(), columns, range, now);
            Files.writeString(temp.resolve(MANIFEST_FILE), manifestJson(snapshot));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            prune(kind);
            return snapshot;
        } finally {
            deleteTree(temp);
        }
    }

    private static void writeParquet(ExampleTable table, List<String> columns, Path file) throws IOException {
        FeatureSchema schema = table.schema();
        int numeric = schema.numericCount();
        int width = schema.width();
        var ddl = new StringBuilder("CREATE TABLE examples (request INTEGER, time TIMESTAMP, position INTEGER");
        for (int c = 0; c < width; c++) {
            ddl.append(", ").append(columns.get(3 + c)).append(c < numeric ? " FLOAT" : " INTEGER");
        }
        for (String label : LABELS) {
            ddl.append(", ").append(label).append(" BOOLEAN");
        }
        ddl.append(')');
        int positionColumn = positionColumn(schema);
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = conn.createStatement()) {
            st.execute(ddl.toString());
            try (DuckDBAppender app = conn.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "examples")) {
                for (int r = 0; r < table.rows(); r++) {
                    app.beginRow();
                    app.append(table.request(r));
                    app.append(new Timestamp(table.time(r)));
                    app.append(positionColumn < 0 ? -1 : Math.round(table.feature(r, positionColumn)));
                    for (int c = 0; c < width; c++) {
                        float v = table.feature(r, c);
                        if (c < numeric) {
                            app.append(v);
                        } else {
                            app.append(Math.round(v));
                        }
                    }
                    for (int h = 0; h < RankerHeads.COUNT; h++) {
                        app.append(table.label(r, h) > 0.5f);
                    }
                    app.endRow();
                }
            }
            st.execute("COPY examples TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
        } catch (SQLException e) {
            throw new IOException("writing Parquet " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static int positionColumn(FeatureSchema schema) {
        try {
            return schema.column("position");
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String manifestJson(DatasetSnapshot s) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("file", PARQUET_FILE);
        m.put("rows", s.rows());
        m.put("columns", s.columns());
        m.put("createdAt", s.createdAt().toString());
        m.put("eventLogFrom", s.range().eventLogFrom());
        m.put("eventLogTo", s.range().eventLogTo());
        m.put("impressionLogFrom", s.range().impressionLogFrom());
        m.put("impressionLogTo", s.range().impressionLogTo());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    }

    /** Snapshot names of a kind, oldest first. */
    public List<String> snapshots(String kind) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(kind + "-") && n.substring(kind.length() + 1).matches("\\d{8}T\\d{6}Z"))
                    .sorted().toList();
        }
    }

    private void prune(String kind) throws IOException {
        List<String> all = snapshots(kind);
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(root.resolve(all.get(i)));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
