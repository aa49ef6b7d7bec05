package dev.marquee.features.redis;

import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The store's one Redis client (a Jedis 8 connection pool) and the single place that turns Jedis failures
 * into {@link RedisUnavailableException}. A connection failure drops the pool's idle sockets (they die silently
 * when Redis restarts) and idempotent reads are retried once on a fresh connection; a script cache lost by a
 * restart (NOSCRIPT) is reloaded and the call repeated. Writes are never retried here: the writer's
 * idempotence (offsets, event ids) makes a redelivered batch safe instead.
 */
final class RedisGateway implements AutoCloseable {
    private final RedisClient client;
    private final String address;
    private final LuaScripts scripts;

    RedisGateway(RedisStoreConfig config, LuaScripts scripts) {
        this.address = config.host() + ":" + config.port();
        this.scripts = scripts;
        this.client = RedisClient.builder().hostAndPort(new HostAndPort(config.host(), config.port()))
                .clientConfig(DefaultJedisClientConfig.builder().connectionTimeoutMillis(config.timeoutMillis())
                        .socketTimeoutMillis(config.timeoutMillis()).resp2().build())
                .build();
    }

    String address() {
        return address;
    }

    /** Runs an idempotent call (reads, id interning, event-id claims): retried once after a dropped connection or a lost script cache. */
    <T> T read(String what, Function<RedisClient, T> call) {
        try {
            return attempt(what, call);
        } catch (RedisUnavailableException first) {
            return attempt(what, call);
        }
    }

    /** Runs a non-idempotent write such as a batch commit (not retried). */
    <T> T write(String what, Function<RedisClient, T> call) {
        return attempt(what, call);
    }

    private <T> T attempt(String what, Function<RedisClient, T> call) {
        try {
            return call.apply(client);
        } catch (JedisNoScriptException e) {
            loadScripts();
            throw unavailable(what, e);
        } catch (JedisConnectionException e) {
            client.getPool().clear();
            throw unavailable(what, e);
        } catch (JedisException e) {
            if (e.getMessage() != null && e.getMessage().contains("NOSCRIPT")) {
                loadScripts();
            }
            throw unavailable(what, e);
        }
    }

    void loadScripts() {
        try {
            scripts.load(client);
        } catch (JedisException e) {
            client.getPool().clear();
            throw unavailable("load Lua scripts", e);
        }
    }

    private RedisUnavailableException unavailable(String what, JedisException e) {
        return new RedisUnavailableException("Redis feature store at " + address + " failed to " + what + ": "
                + e.getMessage() + " (is redis-server running and reachable?)", e);
    }

    @Override
    public void close() {
        client.close();
    }
}
