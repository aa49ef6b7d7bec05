package dev.marquee.feed.retrieval;

import dev.marquee.ann.IndexConfig;
import dev.marquee.events.Video;
import dev.marquee.models.twotower.FreshTierPolicy;
import dev.marquee.models.twotower.TwoTowerModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RetrievalWorld} of chess and cooking videos with real retrieval indexes (MiniLM text vectors, the
 * tiny two-tower model) built over it. "me" has long-viewed chess-1.
 */
final class ModelBackedWorld implements AutoCloseable {
    static final long NOW = RetrievalWorld.T0 + RetrievalWorld.HOUR;
    final RetrievalWorld world = new RetrievalWorld();
    final TextVectorStore textStore;
    final VideoTextVectors texts;
    final VideoCatalogue catalogue;
    final ExecutorService builds = Executors.newSingleThreadExecutor();
    final RetrievalIndexes indexes;

    ModelBackedWorld(Path dir) {
        long t = RetrievalWorld.T0 - RetrievalWorld.HOUR;
        world.video("chess-1", "chess-channel", "chess", "Queen's gambit opening explained for beginners",
                        List.of("chess", "opening"), t)
                .video("chess-2", "chess-channel", "chess", "Sicilian defence: opening ideas and traps",
                        List.of("chess", "opening"), t)
                .video("chess-3", "chess-channel", "chess", "Grandmaster endgame tactics with rook and king",
                        List.of("chess"), t)
                .video("cook-1", "kitchen", "cooking", "Easy homemade pasta with garlic and tomato sauce",
                        List.of("cooking", "recipe"), t)
                .video("cook-2", "kitchen", "cooking", "How to bake sourdough bread at home", List.of("baking"), t)
                .video("cook-3", "kitchen", "cooking", "Knife skills: how to dice an onion", List.of("cooking"), t)
                .longView("me", "chess-1", RetrievalWorld.T0).sync();
        try {
            textStore = TextVectorStore.open(dir.resolve("text-vectors"), 384);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        texts = new VideoTextVectors(textStore, TinyTwoTower.encoder());
        catalogue = world.catalogue();
        IndexConfig config = IndexConfig.defaults().withStorage(IndexConfig.IndexStorage.HEAP, dir).withEfSearch(100);
        indexes = new RetrievalIndexes(catalogue, world.store.categories(), texts,
                new RetrievalIndexConfig(config, config, Duration.ofMillis(50)), builds);
    }

    ModelBackedWorld indexed(TwoTowerModel model) {
        return indexed(model, null);
    }

    /** Indexes with a fresh tier under {@code policy} (null: none). */
    ModelBackedWorld indexed(TwoTowerModel model, FreshTierPolicy policy) {
        try {
            indexes.rebuildFor(model, policy).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("index build failed", e);
        }
        return this;
    }

    static Video video(String id, String category, String title, List<String> tags) {
        return new Video(id, category + "-channel", category, title, tags, 300, NOW - 60_000L, "en");
    }

    /** The full and content-only embeddings {@code model} gives {@code video} (its text from the store). */
    float[][] embeddings(TwoTowerModel model, Video video) {
        float[] text = new float[384];
        texts.fill(List.of(video), text);
        var batch = ItemTowerInputs.forModel(model, world.store.categories()).batch(List.of(video), text);
        return new float[][] {model.embedItems(batch), model.embedItemsContentOnly(batch)};
    }

    @Override
    public void close() throws Exception {
        indexes.close();
        builds.shutdownNow();
        textStore.close();
        world.close();
    }
}
