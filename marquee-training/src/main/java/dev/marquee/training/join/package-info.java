/**
 * Point-in-time training examples: {@link dev.marquee.training.join.TrainingExampleJoiner} joins each served
 * impression (with the ranker row logged as served) to the later click, long view and share of the same
 * (user, video, request) inside per-label attribution windows, and emits an example only once its longest
 * window has closed, so late labels are never lost and features are never recomputed from a later state.
 */
package dev.marquee.training.join;
