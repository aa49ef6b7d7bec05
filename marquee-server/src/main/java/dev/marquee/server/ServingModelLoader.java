package dev.marquee.server;

import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ServingModels;
import dev.marquee.feed.retrieval.RetrievalIndexes;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.training.registry.LoadedVersion;
import dev.marquee.training.registry.PromotionListener;

/**
 * Turns a newly promoted registry version into serving state. A ranker swaps in at once; a two-tower model
 * first re-embeds the catalogue and rebuilds the ANN indexes in the background (the old generation keeps
 * serving meanwhile), then swaps. In-flight requests finish on the models they started with.
 */
public final class ServingModelLoader implements PromotionListener {
    public static final String TWO_TOWER = "two-tower";

    private final ModelHolder models;
    private final RetrievalIndexes indexes;

    public ServingModelLoader(ModelHolder models, RetrievalIndexes indexes) {
        this.models = models;
        this.indexes = indexes;
    }

    @Override
    public synchronized void onPromoted(LoadedVersion loaded) throws Exception {
        String kind = loaded.manifest().kind();
        ServingModels now = models.current();
        switch (kind.startsWith("ranker") ? "ranker" : kind) {
            case TWO_TOWER -> {
                TwoTowerModel model = TwoTowerModel.load(loaded.directory());
                indexes.rebuildFor(model).join();
                models.swap(new ServingModels(version(loaded, now.ranker() == null ? null : rankerVersion(now)), model,
                        now.ranker()));
            }
            case "ranker" -> {
                RankerModel model = RankerModel.load(loaded.directory());
                models.swap(new ServingModels(version(twoTowerVersion(now), loaded), now.twoTower(), model));
            }
            default -> throw new IllegalArgumentException("not a serving model kind: " + kind);
        }
    }

    private static String version(LoadedVersion twoTower, String ranker) {
        return "two-tower:" + twoTower.manifest().version() + (ranker == null ? "" : " ranker:" + ranker);
    }

    private static String version(String twoTower, LoadedVersion ranker) {
        return (twoTower == null ? "" : "two-tower:" + twoTower + " ") + "ranker:" + ranker.manifest().version();
    }

    private static String rankerVersion(ServingModels m) {
        int i = m.version().indexOf("ranker:");
        return i < 0 ? null : m.version().substring(i + "ranker:".length());
    }

    private static String twoTowerVersion(ServingModels m) {
        String v = m.version();
        if (!v.startsWith("two-tower:")) {
            return null;
        }
        int end = v.indexOf(' ');
        return v.substring("two-tower:".length(), end < 0 ? v.length() : end);
    }
}
