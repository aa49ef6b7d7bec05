package dev.marquee.feed;

import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.Optional;

/**
 * The models one request runs with, swapped as a unit: a request reads the holder once at its start and
 * uses that snapshot to the end, so a hot swap never mixes versions within a request.
 *
 * @param version  registry version label (shown in responses and logged on every impression)
 * @param twoTower retrieval model, or null before the first training
 * @param ranker   ranking model, or null before the first training (ranking then falls back)
 */
public record ServingModels(String version, TwoTowerModel twoTower, RankerModel ranker) {
    public static final ServingModels NONE = new ServingModels("none", null, null);

    public Optional<TwoTowerModel> twoTowerModel() {
        return Optional.ofNullable(twoTower);
    }

    public Optional<RankerModel> rankerModel() {
        return Optional.ofNullable(ranker);
    }
}
