package dev.marquee.training.lake;

import dev.marquee.training.registry.TrainingDataRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A written dataset snapshot: where it is and what it covers, as recorded in its {@code dataset.json}.
 *
 * @param directory the snapshot directory (holds {@code examples.parquet} and {@code dataset.json})
 * @param name      snapshot name, e.g. {@code ranker-20261125T143000Z}
 * @param rows      rows written
 * @param columns   Parquet column names in order
 * @param range     event/impression log offsets the rows were built from
 * @param createdAt when it was written
 */
public record DatasetSnapshot(Path directory, String name, long rows, List<String> columns, TrainingDataRange range,
                              Instant createdAt) {
    public DatasetSnapshot {
        columns = List.copyOf(columns);
    }

    public Path parquet() {
        return directory.resolve(ParquetDatasetWriter.PARQUET_FILE);
    }
}
