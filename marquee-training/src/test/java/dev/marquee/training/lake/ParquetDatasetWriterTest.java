package dev.marquee.training.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.training.ranker.ExampleTable;
import dev.marquee.training.registry.TrainingDataRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetDatasetWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-25T14:30:00Z");

    @TempDir
    Path root;

    private static ExampleTable table(int rows) {
        ExampleTable t = new ExampleTable(RankerFeatureSchema.SCHEMA, rows);
        int width = RankerFeatureSchema.WIDTH;
        float[] row = new float[width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < RankerFeatureSchema.SCHEMA.numericCount(); c++) {
                row[c] = r * 0.5f + c;
            }
            for (int c = RankerFeatureSchema.SCHEMA.numericCount(); c < width; c++) {
                row[c] = (r + c) % 3;
            }
            t.add(row, 0, r % 10, T0.toEpochMilli() + r * 1000L, r / 10, r % 2 == 0, r % 3 == 0, r % 7 == 0);
        }
        return t;
    }

    @Test
    void write_roundTripsThroughDuckDb_valuesLabelsAndManifest() throws Exception {
        ExampleTable t = table(250);
        var writer = new ParquetDatasetWriter(root, 3);
        DatasetSnapshot s = writer.write("ranker", t, new TrainingDataRange(10, 5000, 0, 700), T0);

        assertThat(s.name()).isEqualTo("ranker-20261125T143000Z");
        assertThat(s.rows()).isEqualTo(250);
        assertThat(Files.readString(s.directory().resolve(ParquetDatasetWriter.MANIFEST_FILE)))
                .contains("\"eventLogTo\" : 5000").contains("\"impressionLogTo\" : 700").contains("\"rows\" : 250");
        String file = s.parquet().toString();
        String firstNumeric = s.columns().get(3);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), sum(label_click::INT), sum(label_watch30::INT), "
                     + "sum(label_share::INT), max(request), sum(position), min(time), sum(" + firstNumeric + ") FROM '" + file + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(250);
            assertThat(rs.getLong(2)).isEqualTo(125); // even rows
            assertThat(rs.getLong(3)).isEqualTo(84); // multiples of 3 in [0,250)
            assertThat(rs.getLong(4)).isEqualTo(36); // multiples of 7
            assertThat(rs.getInt(5)).isEqualTo(24);
            assertThat(rs.getLong(6)).isEqualTo(25 * 45); // 25 pages of positions 0..9
            assertThat(rs.getTimestamp(7).toInstant()).isEqualTo(T0);
            assertThat(rs.getDouble(8)).isEqualTo(0.5 * (249 * 250 / 2.0));
        }
    }

    @Test
    void keepsNewestSnapshotsOnly_andNoTempDirsRemain() throws Exception {
        var writer = new ParquetDatasetWriter(root, 2);
        for (int i = 0; i < 4; i++) {
            writer.write("ranker", table(5), new TrainingDataRange(0, i, 0, 0), T0.plusSeconds(i));
        }
        assertThat(writer.snapshots("ranker")).containsExactly("ranker-20261125T143002Z", "ranker-20261125T143003Z");
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp"));
        }
    }

    @Test
    void badKindOrKeep_isRejectedWithMessage() {
        assertThatThrownBy(() -> new ParquetDatasetWriter(root, 0)).hasMessageContaining("keep");
        var writer = new ParquetDatasetWriter(root, 1);
        assertThatThrownBy(() -> writer.write("../x", table(1), new TrainingDataRange(0, 1, 0, 0), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataset kind");
    }
}
