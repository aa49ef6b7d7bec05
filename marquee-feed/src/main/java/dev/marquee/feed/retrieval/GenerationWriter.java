package dev.marquee.feed.retrieval;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import java.util.List;

/**
 * Writes videos into a generation's indexes: item tower, full and content-only, from the generation's own model,
 * so every vector in a generation shares one embedding space. Under a fresh-tier policy a video uploaded after the
 * model's cut-off goes into the fresh tier (content-only row) instead of the item index, and an older video the model
 * never trained on into the item index by its content-only row. A video whose embedding is
 * degenerate under that model is removed rather than indexed. Callers serialise writes.
 */
final class GenerationWriter {
    private final IdDictionary categories;

    GenerationWriter(IdDictionary categories) {
        this.categories = categories;
    }

    void upsert(IndexGeneration g, int[] ids, List<Video> videos, float[] text) {
        ItemEmbeddings e = ItemEmbeddings.of(g.model(), ItemTowerInputs.forModel(g.model(), categories), videos, text);
        for (int i = 0; i < ids.length; i++) {
            if (e.valid()[i]) {
                if (g.isFresh(videos.get(i))) { // uploaded after the model's cut-off: the fresh tier, content-only
                    g.fresh().upsert(ids[i], e.contentRow(i));
                    g.items().remove(ids[i]);
                } else {
                    g.items().upsert(ids[i], g.usesContentPath(videos.get(i)) ? e.contentRow(i) : e.fullRow(i));
                    if (g.fresh() != null) {
                        g.fresh().remove(ids[i]);
                    }
                }
                g.content().upsert(ids[i], e.contentRow(i));
            } else {
                remove(g, ids[i]);
            }
        }
    }

    void remove(IndexGeneration g, int id) {
        g.items().remove(id);
        g.content().remove(id);
        if (g.fresh() != null) {
            g.fresh().remove(id);
        }
    }

    /** Applies {@code writes} in order. */
    void replay(IndexGeneration g, List<PendingWrite> writes) {
        for (PendingWrite w : writes) {
            if (w.video() == null) {
                remove(g, w.id());
            } else {
                upsert(g, new int[] {w.id()}, List.of(w.video()), w.text());
            }
        }
    }
}
