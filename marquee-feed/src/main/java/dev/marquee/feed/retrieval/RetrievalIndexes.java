package dev.marquee.feed.retrieval;

import dev.marquee.ann.VectorIndex;
import dev.marquee.core.IdDictionary;
import dev.marquee.events.Video;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Retrieval's view of the catalogue: the {@link VideoCatalogue} plus, once a two-tower model is loaded, the
 * {@link IndexGeneration} (item and content indexes) built for it.
 *
 * <p>Writes ({@link #upsert}) serialise on a lock and are visible to every search that starts after they
 * return; searches are lock-free (one volatile read of the generation). A model change
 * ({@link #rebuildFor}) builds a whole new generation in the background while the old one keeps serving;
 * videos upserted during the build are recorded and replayed into the new generation under the write lock
 * just before it is swapped in, so none is lost. The retired generation is closed after a grace period so
 * searches already running on it can finish.
 *
 * <p>Start-up: replay the feature store, {@link VideoCatalogue#fromStore}, create this, start a
 * {@link VideoIndexUpdater} from the store's applied offset + 1, and call {@link #rebuildFor} with the current
 * model when there is one.
 */
public final class RetrievalIndexes implements AutoCloseable {
    private final VideoCatalogue catalogue;
    private final VideoTextVectors texts;
    private final IndexGenerationBuilder builder;
    private final GenerationWriter writer;
    private final ContentSeeds seeds;
    private final ContentNeighbourCache contentCache = ContentNeighbourCache.defaults();
    private final Executor builds;
    private final Duration retireAfter;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile IndexGeneration current;
    private List<PendingWrite> pending;
    private CompletableFuture<IndexGeneration> lastRebuild = CompletableFuture.completedFuture(null);
    private boolean closed;

    /**
     * @param categories the store's category dictionary (item-tower category ids)
     * @param builds     runs generation builds and the indexes' own delta folds (one background thread is enough)
     */
    public RetrievalIndexes(VideoCatalogue catalogue, IdDictionary categories, VideoTextVectors texts,
                            RetrievalIndexConfig config, Executor builds) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.builds = Objects.requireNonNull(builds, "builds");
        this.retireAfter = config.retireAfter();
        this.builder = new IndexGenerationBuilder(catalogue, Objects.requireNonNull(categories, "categories"), texts,
                config, builds);
        this.writer = new GenerationWriter(categories);
        this.seeds = new ContentSeeds(catalogue, texts, categories);
    }

    public VideoCatalogue catalogue() {
        return catalogue;
    }

    /** The content source's cache of user-independent answers (one per process, so every pipeline shares it). */
    public ContentNeighbourCache contentCache() {
        return contentCache;
    }

    /** The generation serving now; empty before the first model is indexed. */
    public Optional<IndexGeneration> current() {
        return Optional.ofNullable(current);
    }

    /** The model whose embedding space the indexes hold: the one user embeddings must come from. */
    public Optional<TwoTowerModel> servingModel() {
        IndexGeneration g = current;
        return g == null ? Optional.empty() : Optional.of(g.model());
    }

    /** The item index (trained tier) of the serving generation. */
    public Optional<VectorIndex> itemIndex() {
        IndexGeneration g = current;
        return g == null ? Optional.empty() : Optional.of(g.items());
    }

    /**
     * Makes {@code videos} (dense ids {@code ids}) servable and retrievable: text vectors (stored or encoded),
     * catalogue, then both indexes of the serving generation. Returns once every later search sees them.
     */
    public void upsert(int[] ids, List<Video> videos) {
        if (ids.length != videos.size()) {
            throw new IllegalArgumentException(ids.length + " ids for " + videos.size() + " videos");
        }
        if (videos.isEmpty()) {
            return;
        }
        float[] text = new float[videos.size() * texts.dimension()];
        texts.fill(videos, text); // encoding is the slow part: outside the lock
        writeLock.lock();
        try {
            IndexGeneration g = current;
            if (g != null) {
                writer.upsert(g, ids, videos, text);
            }
            for (int i = 0; i < ids.length; i++) {
                catalogue.put(ids[i], videos.get(i));
                if (pending != null) {
                    pending.add(new PendingWrite(ids[i], videos.get(i),
                            Arrays.copyOfRange(text, i * texts.dimension(), (i + 1) * texts.dimension())));
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Makes {@code ids} unservable and drops them from both indexes (for a future video-removal event). */
    public void remove(int[] ids) {
        writeLock.lock();
        try {
            IndexGeneration g = current;
            for (int id : ids) {
                catalogue.remove(id);
                if (g != null) {
                    writer.remove(g, id);
                }
                if (pending != null) {
                    pending.add(PendingWrite.removal(id));
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Builds a generation for {@code model} over the whole catalogue in the background and swaps it in;
     * queued behind a rebuild already running. The future completes with the new generation once it serves.
     */
    public CompletableFuture<IndexGeneration> rebuildFor(TwoTowerModel model) {
        return rebuildFor(model, null);
    }

    /**
     * As {@link #rebuildFor(TwoTowerModel)}, with the model's fresh-tier policy (null: none, one item index for every
     * video): videos it calls fresh are searched in their own tier, and later upserts of fresh videos go there.
     */
    public synchronized CompletableFuture<IndexGeneration> rebuildFor(TwoTowerModel model, FreshTierPolicy policy) {
        Objects.requireNonNull(model, "model");
        if (model.config().shape().textDim() != texts.dimension()) {
            throw new IllegalArgumentException("model expects " + model.config().shape().textDim()
                    + "-d text vectors, the text store holds " + texts.dimension() + "-d");
        }
        CompletableFuture<IndexGeneration> next = lastRebuild.handle((ignored, error) -> null)
                .thenApplyAsync(ignored -> rebuild(model, policy), builds);
        lastRebuild = next;
        return next;
    }

    private IndexGeneration rebuild(TwoTowerModel model, FreshTierPolicy policy) {
        List<PendingWrite> recorded = new ArrayList<>();
        writeLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("RetrievalIndexes is closed");
            }
            pending = recorded;
        } finally {
            writeLock.unlock();
        }
        IndexGeneration built;
        try {
            built = builder.build(model, policy);
        } catch (RuntimeException e) {
            writeLock.lock();
            pending = null;
            writeLock.unlock();
            throw e;
        }
        IndexGeneration retired;
        writeLock.lock();
        try {
            pending = null;
            if (closed) {
                built.close();
                throw new IllegalStateException("RetrievalIndexes closed during a rebuild");
            }
            writer.replay(built, recorded);
            retired = current;
            current = built;
        } finally {
            writeLock.unlock();
        }
        if (retired != null) {
            CompletableFuture.runAsync(retired::close,
                    CompletableFuture.delayedExecutor(retireAfter.toMillis(), TimeUnit.MILLISECONDS, builds));
        }
        return built;
    }

    /**
     * Content-space vectors (content-only item tower of {@code g}'s model) of the servable videos among
     * {@code videos[0..count)} that have a stored text vector, for content retrieval's queries.
     */
    public SeedVectors contentVectors(IndexGeneration g, int[] videos, int count) {
        return seeds.of(g, videos, count);
    }

    /** Stops serving; the current generation is closed, a running rebuild's result is discarded. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            closed = true;
            if (current != null) {
                current.close();
                current = null;
            }
        } finally {
            writeLock.unlock();
        }
    }
}
