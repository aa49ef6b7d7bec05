/**
 * The ranker's batch side: {@link dev.marquee.training.ranker.PointInTimeDatasetBuilder} turns an event-log
 * history into point-in-time-correct training rows (the bootstrap set, before any impression was served
 * by Marquee), {@link dev.marquee.training.ranker.ExampleTable} holds rows from either source, and {@link
 * dev.marquee.training.ranker.RankerTrainJob} trains MMoE and shared-bottom rankers, keeps the better,
 * distils a student and evaluates them against logistic-regression and popularity baselines ({@link
 * dev.marquee.training.ranker.RankerEvaluation}).
 */
package dev.marquee.training.ranker;
