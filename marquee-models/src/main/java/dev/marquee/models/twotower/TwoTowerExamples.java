package dev.marquee.models.twotower;

import java.util.Objects;

/**
 * Positive (user, item) pairs for in-batch softmax training: row {@code i} of {@code users} engaged with
 * row {@code i} of {@code items} (a click or a long view). {@code itemLogQ[i]} is the log of the
 * probability that row i's item appears as a sample, e.g. {@code log(itemCount / examples)}; it is
 * subtracted from the logits (logQ correction) so popular items are not over-penalised as negatives.
 */
public record TwoTowerExamples(UserFeatureBatch users, ItemFeatureBatch items, float[] itemLogQ) {

    public TwoTowerExamples {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        if (users.size() != items.size()) {
            throw new IllegalArgumentException(users.size() + " users but " + items.size() + " items");
        }
        FeatureChecks.length("itemLogQ", itemLogQ, items.size());
        FeatureChecks.finite("itemLogQ", itemLogQ);
    }

    public int size() {
        return users.size();
    }

    void validate(TwoTowerShape shape) {
        users.validate(shape);
        items.validate(shape);
    }

    TwoTowerExamples gather(int[] order, int from, int to) {
        float[] q = new float[to - from];
        for (int i = from; i < to; i++) {
            q[i - from] = itemLogQ[order[i]];
        }
        return new TwoTowerExamples(users.gather(order, from, to), items.gather(order, from, to), q);
    }
}
