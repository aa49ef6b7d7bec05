package dev.marquee.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a serving node's event log and feature store live, parsed from the `--event-log` / `--feature-store`
 * URIs. The embedded defaults keep everything under the data directory; `kafka://` and `redis://` point several
 * nodes at shared infrastructure. Parsing is strict: anything unexpected is a clear {@link IllegalArgumentException}.
 */
public final class BackendSpec {
    private BackendSpec() {
    }

    /** The event log: the embedded file log, or a Kafka topic. */
    public sealed interface EventLogSpec permits FileLog, KafkaLog {
    }

    /** The durable segmented log under DATA/events. */
    public record FileLog() implements EventLogSpec {
    }

    /** A Kafka topic ({@code kafka://host:port[,host:port]?topic=marquee-events&partitions=1}). */
    public record KafkaLog(String bootstrapServers, String topic, int partitions) implements EventLogSpec {
    }

    /** The feature store: in this process's memory, or a Redis server shared by every node. */
    public sealed interface FeatureStoreSpec permits MemoryStore, RedisStore {
    }

    /** Rebuilt from the log at start (snapshot + tail), updated in-process. */
    public record MemoryStore() implements FeatureStoreSpec {
    }

    /** A Redis server ({@code redis://host:port?prefix=marquee}). */
    public record RedisStore(String host, int port, String prefix) implements FeatureStoreSpec {
    }

    public static EventLogSpec eventLog(String uri) {
        if (uri == null || uri.isBlank() || uri.equals("file")) {
            return new FileLog();
        }
        URI u = parse(uri, "--event-log", "kafka");
        Map<String, String> q = query(u, "--event-log", "topic", "partitions");
        String servers = u.getRawAuthority();
        if (servers == null || !servers.matches("[A-Za-z0-9.\\-]+:\\d{1,5}(,[A-Za-z0-9.\\-]+:\\d{1,5})*")) {
            throw new IllegalArgumentException("--event-log " + uri + ": expected kafka://host:port[,host:port...]");
        }
        String topic = q.getOrDefault("topic", "marquee-events");
        if (!topic.matches("[A-Za-z0-9._\\-]{1,200}")) {
            throw new IllegalArgumentException("--event-log " + uri + ": bad topic name '" + topic + "'");
        }
        int partitions = intParam(q, "partitions", 1, 1, 10_000, "--event-log");
        return new KafkaLog(servers, topic, partitions);
    }

    public static FeatureStoreSpec featureStore(String uri) {
        if (uri == null || uri.isBlank() || uri.equals("memory")) {
            return new MemoryStore();
        }
        URI u = parse(uri, "--feature-store", "redis");
        Map<String, String> q = query(u, "--feature-store", "prefix");
        if (u.getHost() == null || u.getPort() < 1) {
            throw new IllegalArgumentException("--feature-store " + uri + ": expected redis://host:port");
        }
        String prefix = q.getOrDefault("prefix", "marquee");
        if (!prefix.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new IllegalArgumentException("--feature-store " + uri + ": bad key prefix '" + prefix + "'");
        }
        return new RedisStore(u.getHost(), u.getPort(), prefix);
    }

    private static URI parse(String uri, String flag, String scheme) {
        try {
            URI u = new URI(uri);
            if (!scheme.equals(u.getScheme())) {
                throw new IllegalArgumentException(flag + " " + uri + ": scheme must be " + scheme + ":// (or the embedded default)");
            }
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
                throw new IllegalArgumentException(flag + " " + uri + ": no path expected; use query parameters");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(flag + " " + uri + ": not a URI (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> query(URI u, String flag, String... allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = u.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!java.util.Arrays.asList(allowed).contains(key) || eq < 0) {
                throw new IllegalArgumentException(flag + " " + u + ": unknown or empty parameter '" + key
                        + "' (allowed: " + String.join(", ", allowed) + ")");
            }
            out.put(key, pair.substring(eq + 1));
        }
        return out;
    }

    private static int intParam(Map<String, String> q, String key, int dflt, int min, int max, String flag) {
        String v = q.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": " + key + " must be an integer in [" + min + ", " + max + "], got '" + v + "'");
        }
    }
}
