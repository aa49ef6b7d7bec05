/**
 * The data-lake side of the batch loop: every training run leaves the exact dataset it trained on as a Parquet
 * snapshot with the log offsets it covers, so the data can be audited, re-used or processed by other tools
 * (DuckDB, Spark, pandas) without Marquee. DuckDB's embedded engine writes the Parquet (parquet-java would drag in
 * Hadoop). Schema: docs/datasets.md.
 */
package dev.marquee.training.lake;
