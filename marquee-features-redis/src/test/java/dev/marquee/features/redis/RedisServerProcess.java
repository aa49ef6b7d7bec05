package dev.marquee.features.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway {@code redis-server} on a random free loopback port, without persistence ({@code --save ""
 * --appendonly no}). {@link #start()} returns once the server answers PING; {@link #stop()} kills it and keeps
 * the port so {@link #start()} can bring it back on the same address (reconnect tests).
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final int port;
    private Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    /**
     * Starts a server. When {@code redis-server} is not on the PATH: fails when the environment variable CI is
     * "true" (CI must run these tests), otherwise aborts the calling test as skipped with the install hint.
     */
    public static RedisServerProcess startOnFreePort() {
        requireInstalled(System.getenv());
        RedisServerProcess server = new RedisServerProcess(freePort());
        server.start();
        return server;
    }

    /** Fails (CI=true) or aborts the calling test (otherwise) when {@code redis-server} is not on env's PATH. */
    static void requireInstalled(Map<String, String> env) {
        if (installed(env.getOrDefault("PATH", ""))) {
            return;
        }
        String msg = "redis-server is not installed (apt-get install -y redis-server); the Redis feature-store tests need it";
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new IllegalStateException("CI=true: " + msg);
        }
        Assumptions.abort(msg);
    }

    private static boolean installed(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, "redis-server").canExecute()) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server already running on " + port);
        }
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!ping()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port " + port);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("redis-server on port " + port + " did not answer PING within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing answers, like a hung or partitioned Redis. */
    public void pause() {
        signal("-STOP");
    }

    /** Thaws a paused server (SIGCONT); its data is intact. */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String sig) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server is not running");
        }
        try {
            int exit = new ProcessBuilder("kill", sig, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + sig + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal redis-server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    /** Kills the server and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping redis-server", e);
        }
        process = null;
    }

    private boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
