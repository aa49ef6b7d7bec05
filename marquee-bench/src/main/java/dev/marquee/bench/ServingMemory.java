package dev.marquee.bench;

import dev.marquee.ann.DeltaBufferedHnswIndex;
import dev.marquee.ann.IndexConfig;
import dev.marquee.ann.IvfIndex;
import dev.marquee.ann.VectorBatch;
import dev.marquee.ann.VectorIndex;
import dev.marquee.events.Video;
import dev.marquee.feed.retrieval.RetrievalIndexConfig;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.feed.retrieval.VideoCatalogue;
import dev.marquee.feed.retrieval.VideoTextVectors;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Heap per video and per user of the serving state (issue #13: ≤ 600 B of heap per video for index + features +
 * metadata), built the way {@code marquee-server}'s {@code Wiring} builds it: the in-memory feature store replayed
 * from a {@link SyntheticWorld} with demo-like titles and tags, the {@link VideoCatalogue} from it, the
 * {@link TextVectorStore} of 384-d title vectors reopened from its file (as at a restart), and the item and
 * content indexes of one generation, the kind {@link RetrievalIndexConfig#defaults()} picks for the catalogue
 * size, over clustered 64-d embedding-like vectors ({@link ClusteredVectors}; the two-tower model itself is a
 * fixed cost, not per video, and is left out). After each stage a full GC; the heap used after it is reported,
 * plus a per-component estimate by an object-graph walk ({@link ObjectGraphSize}, user state walked first so it
 * is attributed to users) and the process's resident memory (anonymous vs file-backed) from /proc.
 * <pre>
 * ./mvnw -q -pl marquee-bench -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * $JAVA_HOME/bin/java -Xmx8g --add-modules jdk.incubator.vector --add-opens java.base/java.lang=ALL-UNNAMED \
 *     --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
 *     --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens java.base/java.util.concurrent.locks=ALL-UNNAMED \
 *     --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
 *     --add-opens java.base/jdk.internal.foreign=ALL-UNNAMED -cp marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt) \
 *     dev.marquee.bench.ServingMemory VIDEOS [USERS [INTERACTIONS [DIR]]]
 * </pre>
 * Defaults: 20,000 users, max(400,000, VIDEOS) interactions (as {@code RetrievalBench}), DIR a temp directory
 * (the text-vector file, 1.6 KB per video, is deleted at the end).
 */
public final class ServingMemory {
    private static final int DIMENSION = 64, TEXT_DIMENSION = 384;

    private ServingMemory() {
    }

    public static void main(String[] args) throws Exception {
        int videos = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int interactions = args.length > 2 ? Integer.parseInt(args[2]) : Math.max(400_000, videos);
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("serving-memory");
        Files.createDirectories(dir);
        Path file = dir.resolve("text-vectors.bin");
        Files.deleteIfExists(file);

        Map<String, Long> stages = new LinkedHashMap<>();
        long base = usedAfterGc();
        stages.put("baseline (JVM + classes)", base);
        long t = System.nanoTime();
        SyntheticWorld world = new SyntheticWorld(videos, users, interactions, 11, true);
        stages.put("feature store (replayed world)", usedAfterGc());
        VideoCatalogue catalogue = VideoCatalogue.fromStore(world.store);
        stages.put("+ video catalogue", usedAfterGc());
        int[] ids = world.allVideos();
        writeTextVectors(file, world, ids);
        TextVectorStore texts = TextVectorStore.open(file, TEXT_DIMENSION);
        stages.put("+ text vector store (reopened)", usedAfterGc());
        RetrievalIndexConfig config = RetrievalIndexConfig.defaults();
        ExecutorService background = Executors.newSingleThreadExecutor();
        VectorIndex items = index(new ClusteredVectors(DIMENSION, Math.max(50, ids.length / 1000), 7), ids, 11,
                config.items().withDimension(DIMENSION), config, background);
        stages.put("+ item index", usedAfterGc());
        VectorIndex content = index(new ClusteredVectors(DIMENSION, Math.max(50, ids.length / 1000), 8), ids, 12,
                config.content().withDimension(DIMENSION), config, background);
        long total = usedAfterGc();
        stages.put("+ content index", total);
        double seconds = (System.nanoTime() - t) / 1e9;

        ObjectGraphSize walker = new ObjectGraphSize();
        Map<String, Long> parts = new LinkedHashMap<>();
        Object state = field(world.store, "state");
        parts.put("store: user state", walker.walk(field(state, "users")));
        parts.put("store: id dictionaries", walker.walk(field(state, "dict")));
        parts.put("store: co-watch graph", walker.walk(field(state, "coWatch")));
        parts.put("store: video columns + metadata", walker.walk(field(state, "videos")));
        parts.put("store: event-id dedupe window (fixed size)", walker.walk(field(state, "eventIds")));
        parts.put("store: popularity, uploads, groups", walker.walk(state));
        parts.put("catalogue", walker.walk(catalogue));
        parts.put("text vector store", walker.walk(texts));
        parts.put("item index", walker.walk(items));
        parts.put("content index", walker.walk(content));

        System.out.printf("%nserving memory: %,d videos, %,d users, %,d interactions (built in %.0f s); JDK %s, max heap %,d MB%n",
                videos, users, interactions, seconds, Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        long previous = 0;
        for (Map.Entry<String, Long> e : stages.entrySet()) {
            System.out.printf("  %-34s heap after full GC %,8.1f MB  (stage %+,8.1f MB, %,7.0f B/video)%n", e.getKey(),
                    e.getValue() / 1e6, previous == 0 ? 0 : (e.getValue() - previous) / 1e6,
                    previous == 0 ? 0 : (e.getValue() - previous) / (double) videos);
            previous = e.getValue();
        }
        long usersBytes = parts.get("store: user state");
        System.out.printf("  serving state above baseline: %,.1f MB = %,.0f B/video all-in; user state %,.0f B/user,"
                        + " the rest %,.0f B/video%n", (total - base) / 1e6, (total - base) / (double) videos,
                usersBytes / (double) users, (total - base - usersBytes) / (double) videos);
        System.out.println("  breakdown (object-graph estimate, first root reaching an object owns it):");
        for (Map.Entry<String, Long> e : parts.entrySet()) {
            boolean perUser = e.getKey().equals("store: user state");
            System.out.printf("    %-46s %,9.1f MB  %,7.0f B/%s%n", e.getKey(), e.getValue() / 1e6,
                    e.getValue() / (double) (perUser ? users : videos), perUser ? "user" : "video");
        }
        long fixed = parts.get("store: event-id dedupe window (fixed size)");
        System.out.printf("  without user state and the fixed-size event-id window: %,.0f B/video%n",
                (total - base - usersBytes - fixed) / (double) videos);
        System.out.printf("  item index bytesUsed() %,.1f MB, content index %,.1f MB (heap + native)%n",
                items.bytesUsed() / 1e6, content.bytesUsed() / 1e6);
        long nativeRows = (items instanceof IvfIndex a ? a.nativeBytes() : 0)
                + (content instanceof IvfIndex b ? b.nativeBytes() : 0);
        System.out.printf("  off the heap: IVF float rows %,.1f MB native (%,.0f B/video); text vectors %,.1f MB"
                        + " file, memory-mapped (page cache, %,.0f B/video)%n", nativeRows / 1e6,
                nativeRows / (double) videos, Files.size(file) / 1e6, Files.size(file) / (double) videos);
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            System.out.printf("  buffer pool %-28s %,9.1f MB in %,d buffers%n", pool.getName(), pool.getMemoryUsed() / 1e6,
                    pool.getCount());
        }
        System.out.println("  process: " + residentMemory());

        java.lang.ref.Reference.reachabilityFence(world);
        java.lang.ref.Reference.reachabilityFence(catalogue);
        texts.close();
        if (items instanceof AutoCloseable c) {
            c.close();
        }
        if (content instanceof AutoCloseable c) {
            c.close();
        }
        background.shutdownNow();
        Files.deleteIfExists(file);
    }

    /** Unit-norm pseudo-random 384-d vectors for every video, fingerprinted by its text as serving stores them. */
    private static void writeTextVectors(Path file, SyntheticWorld world, int[] ids) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        int chunk = 512;
        try (TextVectorStore store = TextVectorStore.open(file, TEXT_DIMENSION)) {
            for (int from = 0; from < ids.length; from += chunk) {
                int n = Math.min(chunk, ids.length - from);
                List<String> names = new ArrayList<>(n);
                long[] prints = new long[n];
                float[] rows = new float[n * TEXT_DIMENSION];
                for (int i = 0; i < n; i++) {
                    Video v = world.store.video(ids[from + i]).orElseThrow();
                    names.add(v.videoId());
                    prints[i] = VideoTextVectors.fingerprint(v);
                    for (int k = 0; k < TEXT_DIMENSION; k++) {
                        rows[i * TEXT_DIMENSION + k] = (float) (r.nextDouble() * 2 - 1) * 0.05f;
                    }
                }
                store.putAll(names, prints, rows);
            }
        }
    }

    private static VectorIndex index(ClusteredVectors vectors, int[] ids, long seed, IndexConfig indexConfig,
                                     RetrievalIndexConfig config, ExecutorService background) {
        VectorBatch sample = vectors.sample(ids.length, 0, seed);
        VectorBatch batch = new VectorBatch(ids.clone(), sample.vectors(), DIMENSION);
        return config.usesIvf(ids.length) ? IvfIndex.build(batch, indexConfig)
                : DeltaBufferedHnswIndex.build(batch, indexConfig, background);
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String residentMemory() {
        try {
            StringBuilder b = new StringBuilder();
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS") || line.startsWith("RssAnon") || line.startsWith("RssFile")) {
                    b.append(line.replaceAll("\\s+", " ")).append("; ");
                }
            }
            return b.toString();
        } catch (IOException | RuntimeException e) {
            return "(no /proc/self/status)";
        }
    }
}
