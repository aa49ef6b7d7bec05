package dev.marquee.server;

import dev.marquee.feed.ModelHolder;
import dev.marquee.feed.ServingModels;
import dev.marquee.feed.retrieval.RetrievalIndexes;
import dev.marquee.models.ranker.RankerModel;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import dev.marquee.training.registry.LoadedVersion;
import dev.marquee.training.registry.PromotionListener;

/**
 * Turns a newly promoted registry version into serving state. A ranker swaps in at once; a two-tower model
 * first re-embeds the catalogue and rebuilds the ANN indexes (with the fresh tier its saved {@code FreshTierPolicy}
 * defines, when it has one) in the background (the old generation keeps
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

    private String twoTowerLabel;
    private String rankerLabel;

    @Override
    public synchronized void onPromoted(LoadedVersion loaded) throws Exception {
        String kind = loaded.manifest().kind();
        String label = kind + ":" + loaded.manifest().version();
        ServingModels now = models.current();
        if (kind.equals(TWO_TOWER)) {
            TwoTowerModel model = TwoTowerModel.load(loaded.directory());
            // a version saved before the fresh tier has no policy: one pooled item index, as before
            indexes.rebuildFor(model, FreshTierPolicy.load(loaded.directory()).orElse(null)).join();
            twoTowerLabel = label;
            models.swap(new ServingModels(label(), model, now.ranker()));
        } else if (kind.startsWith("ranker")) {
            RankerModel model = RankerModel.load(loaded.directory());
            rankerLabel = label;
            models.swap(new ServingModels(label(), now.twoTower(), model));
        } else {
            throw new IllegalArgumentException("not a serving model kind: " + kind);
        }
    }

    private String label() {
        return String.join(" ", java.util.stream.Stream.of(twoTowerLabel, rankerLabel)
                .filter(java.util.Objects::nonNull).toList());
    }
}
