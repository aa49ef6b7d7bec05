package dev.marquee.features.redis;

import dev.marquee.features.FeatureStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/**
 * The store's server-side scripts (src/main/resources/.../*.lua), rendered once with this store's key prefix
 * and decay constants, so a call carries only per-event arguments. Scripts compute keys from the prefix, so all
 * keys of one store must live on one Redis instance (standalone or primary + replicas; not Redis Cluster).
 */
final class LuaScripts {
    private final Map<String, String> constants;
    private final String intern;
    private final String interaction;
    private final String upsert;
    private volatile byte[] internSha;
    private volatile byte[] interactionSha;
    private volatile byte[] upsertSha;

    LuaScripts(String prefix, FeatureStoreConfig c, EpochDecay popularity, EpochDecay trending, EpochDecay coWatch) {
        double hour = Math.log(2) / 3_600_000L;
        constants = Map.ofEntries(Map.entry("PREFIX", prefix),
                Map.entry("RATE_HOUR", num(hour)), Map.entry("RATE_DAY", num(Math.log(2) / 86_400_000L)),
                Map.entry("VIDEO_RENORM", Long.toString(64 * 3_600_000L)),
                Map.entry("RATE_POP", num(popularity.rate())), Map.entry("POP_SPAN", Long.toString(popularity.span())),
                Map.entry("TREND_SPAN", Long.toString(trending.span())),
                Map.entry("RATE_COWATCH", num(coWatch.rate())), Map.entry("COWATCH_SPAN", Long.toString(coWatch.span())),
                Map.entry("SEGMENT_KEEP", Integer.toString(2 * c.segmentCapacity())),
                Map.entry("CATEGORY_KEEP", Integer.toString(2 * c.categoryCapacity())),
                Map.entry("COWATCH_KEEP", Integer.toString(2 * c.coWatchNeighbours())),
                Map.entry("UPLOADS_KEEP", Integer.toString(c.recentUploadsPerCategory())),
                Map.entry("RATE_UPLOAD", num(Math.log(2) / c.creatorUploadHalfLifeMillis())),
                Map.entry("UPLOAD_RENORM", Long.toString(renorm(c.creatorUploadHalfLifeMillis()))));
        intern = render("intern.lua");
        interaction = render("interaction.lua");
        upsert = render("upsert.lua");
    }

    private static long renorm(long halfLife) {
        return halfLife > Long.MAX_VALUE / 64 ? Long.MAX_VALUE : halfLife * 64;
    }

    private static String num(double d) {
        return String.format(java.util.Locale.ROOT, "%.17g", d);
    }

    private String render(String name) {
        try (InputStream in = LuaScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + name);
            }
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : constants.entrySet()) {
                s = s.replace("${" + e.getKey() + "}", e.getValue());
            }
            if (s.contains("${")) {
                throw new IllegalStateException("unrendered constant in " + name);
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void load(RedisClient client) {
        internSha = sha(client, intern);
        interactionSha = sha(client, interaction);
        upsertSha = sha(client, upsert);
    }

    private static byte[] sha(RedisClient client, String script) {
        return client.scriptLoad(script).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] intern() {
        return internSha;
    }

    byte[] interaction() {
        return interactionSha;
    }

    byte[] upsert() {
        return upsertSha;
    }
}
