/**
 * The two-tower retrieval model (Yi et al., RecSys 2019): a user tower and an item tower map features to
 * 64-d unit vectors whose dot product scores relevance, trained with in-batch sampled softmax corrected
 * by item log-popularity (logQ). The item tower's content path (creator, category, title/tag text) gives
 * never-seen videos a usable embedding for cold start. Callers pass features as primitive-array batches
 * ({@link dev.marquee.models.twotower.UserFeatureBatch}, {@link dev.marquee.models.twotower.ItemFeatureBatch});
 * {@link dev.marquee.models.twotower.TwoTowerTrainer} trains, {@link dev.marquee.models.twotower.TwoTowerModel}
 * serves in plain Java, saves and loads.
 */
package dev.marquee.models.twotower;
