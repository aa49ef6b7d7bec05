package dev.marquee.feed.retrieval;

import dev.marquee.ann.DeltaBufferedHnswIndex;
import dev.marquee.ann.ExactIndex;
import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.IvfIndex;
import dev.marquee.ann.VectorBatch;
import dev.marquee.ann.VectorIndex;
import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link IndexGeneration} for every servable video: text vectors (stored, or encoded once) → item
 * tower, full and content-only, in chunks of {@value #CHUNK} → two indexes: HNSW graphs with their delta
 * buffers for small catalogues, IVF indexes (native upserts, no delta) from
 * {@link RetrievalIndexConfig#ivfFromVideos()} videos. With a {@link FreshTierPolicy}, videos uploaded from the
 * model's cut-off on are kept out of the item index and held, content-only, in an exact fresh tier, and older videos
 * the model never trained on are indexed by their content-only rows. Runs on the caller's thread; callers put it in the
 * background.
 */
final class IndexGenerationBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(IndexGenerationBuilder.class);
    static final int CHUNK = 512;

    private final VideoCatalogue catalogue;
    private final IdDictionary categories;
    private final VideoTextVectors texts;
    private final IndexConfig itemConfig;
    private final IndexConfig contentConfig;
    private final RetrievalIndexConfig config;
    private final Executor rebuilds;

    /** @param rebuilds runs the indexes' own background delta folds */
    IndexGenerationBuilder(VideoCatalogue catalogue, IdDictionary categories, VideoTextVectors texts,
                           RetrievalIndexConfig config, Executor rebuilds) {
        this.catalogue = catalogue;
        this.categories = categories;
        this.texts = texts;
        this.itemConfig = config.items();
        this.contentConfig = config.content();
        this.config = config;
        this.rebuilds = rebuilds;
    }

    IndexGeneration build(TwoTowerModel model) {
        return build(model, null);
    }

    /**
     * With a {@code policy}, the videos it calls fresh go into an exact fresh tier (content-only rows) instead of
     * the item index; the content index holds every video either way.
     */
    IndexGeneration build(TwoTowerModel model, FreshTierPolicy policy) {
        ItemTowerInputs inputs = ItemTowerInputs.forModel(model, categories);
        int[] ids = catalogue.ids();
        int d = model.dimension();
        int[] kept = new int[ids.length];
        boolean[] freshRow = new boolean[ids.length];
        boolean[] contentRow = new boolean[ids.length];
        float[] full = new float[ids.length * d];
        float[] content = new float[ids.length * d];
        float[] text = new float[CHUNK * texts.dimension()];
        int n = 0, skipped = 0;
        for (int from = 0; from < ids.length; from += CHUNK) {
            int to = Math.min(ids.length, from + CHUNK);
            List<Video> videos = new ArrayList<>(to - from);
            int[] chunkIds = new int[to - from];
            for (int i = from; i < to; i++) {
                Video v = catalogue.video(ids[i]);
                if (v != null) { // removed since the id snapshot
                    chunkIds[videos.size()] = ids[i];
                    videos.add(v);
                }
            }
            if (videos.isEmpty()) {
                continue;
            }
            texts.fill(videos, text);
            ItemEmbeddings e = ItemEmbeddings.of(model, inputs, videos, text);
            for (int i = 0; i < videos.size(); i++) {
                if (!e.valid()[i]) {
                    skipped++;
                    continue;
                }
                kept[n] = chunkIds[i];
                freshRow[n] = policy != null && policy.isFresh(videos.get(i).videoId(), videos.get(i).uploadedAt());
                contentRow[n] = policy != null && policy.usesContentPath(videos.get(i).videoId(), videos.get(i).uploadedAt());
                System.arraycopy(e.full(), i * d, full, n * d, d);
                System.arraycopy(e.content(), i * d, content, n * d, d);
                n++;
            }
        }
        if (skipped > 0) {
            LOG.warn("{} videos have degenerate embeddings under this model and are not indexed", skipped);
        }
        int[] finalIds = Arrays.copyOf(kept, n);
        ExactIndex freshTier = policy == null ? null : new ExactIndex(d);
        int t = 0;
        int[] trainedIds = new int[n];
        float[] trainedRows = new float[n * d];
        for (int r = 0; r < n; r++) {
            if (freshRow[r]) {
                freshTier.upsert(finalIds[r], Arrays.copyOfRange(content, r * d, (r + 1) * d));
            } else {
                trainedIds[t] = finalIds[r];
                System.arraycopy(contentRow[r] ? content : full, r * d, trainedRows, t * d, d);
                t++;
            }
        }
        if (policy != null) {
            LOG.info("two-tower tiers: {} trained, {} fresh ({})", t, n - t, policy);
        }
        VectorIndex items = t == 0 ? new ExactIndex(d) // every video fresh: nothing for a graph to hold
                : index(new VectorBatch(Arrays.copyOf(trainedIds, t), Arrays.copyOf(trainedRows, t * d), d),
                        itemConfig.withDimension(d));
        try {
            VectorIndex contentIndex = index(new VectorBatch(finalIds.clone(), Arrays.copyOf(content, n * d), d),
                    contentConfig.withDimension(d));
            return new IndexGeneration(model, items, contentIndex, policy, freshTier);
        } catch (RuntimeException ex) {
            if (items instanceof AutoCloseable closeable) { // HNSW files, IVF native rows
                try {
                    closeable.close();
                } catch (Exception suppressed) {
                    ex.addSuppressed(suppressed);
                }
            }
            throw ex;
        }
    }

    private VectorIndex index(VectorBatch batch, IndexConfig indexConfig) {
        return config.usesIvf(batch.size())
                ? IvfIndex.build(batch, indexConfig)
                : DeltaBufferedHnswIndex.build(batch, indexConfig, rebuilds);
    }
}
