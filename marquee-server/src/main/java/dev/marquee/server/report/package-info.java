/**
 * Human-readable renderings of a {@code marquee eval} run: {@link dev.marquee.server.report.EvalHtmlReport}
 * writes a self-contained {@code report.html} (tables beside the baselines, inline SVG recall@K curves and
 * calibration plots, no script, no external asset) plus the run's {@code metrics.json};
 * {@link dev.marquee.server.report.EvalTextTables} prints the same tables as plain text. They live in the
 * server because they are presentation of the CLI; the numbers come from {@code dev.marquee.training.eval}.
 */
package dev.marquee.server.report;
