package dev.marquee.feed.retrieval;

import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Content-space vectors of a user's seed videos, computed on demand from their stored text vectors with the
 * generation's content-only item tower (≤ 10 seeds: cheaper than keeping a second copy of every content
 * vector beside the index, which offers no lookup by id).
 */
final class ContentSeeds {
    private final VideoCatalogue catalogue;
    private final VideoTextVectors texts;
    private final IdDictionary categories;

    ContentSeeds(VideoCatalogue catalogue, VideoTextVectors texts, IdDictionary categories) {
        this.catalogue = catalogue;
        this.texts = texts;
        this.categories = categories;
    }

    SeedVectors of(IndexGeneration g, int[] videos, int count) {
        int d = texts.dimension();
        List<Video> found = new ArrayList<>(count);
        int[] positions = new int[count];
        float[] text = new float[count * d];
        for (int i = 0; i < count; i++) {
            Video v = catalogue.video(videos[i]);
            if (v != null && texts.stored(v, text, found.size() * d)) {
                positions[found.size()] = i;
                found.add(v);
            }
        }
        if (found.isEmpty()) {
            return SeedVectors.EMPTY;
        }
        int dim = g.model().dimension();
        float[] out = new float[found.size() * dim];
        g.model().embedItems(ItemTowerInputs.forModel(g.model(), categories).batch(found, text), true, out);
        return new SeedVectors(Arrays.copyOf(positions, found.size()), out, dim);
    }
}
