package dev.marquee.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code marquee serve} as a child JVM on the test classpath (the pattern of the event log's crash test): its
 * output is collected line by line, its port read from the "ready" line, and it can be SIGKILLed.
 */
public final class ChildServer implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready in .* http://localhost:(\\d+)/");
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final long startedNanos = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChildServer(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("child-server-output").start(this::pump);
    }

    /** Starts {@code marquee serve --data dir} on a free loopback port, with {@code env} added to the environment. */
    public static ChildServer start(Path data, Map<String, String> env, String... extraArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--data", data.toString(),
                "--port", "0", "--host", "127.0.0.1"));
        cmd.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("MARQUEE_API_TOKEN");
        pb.environment().putAll(env);
        return new ChildServer(pb.start());
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the child died: whatever it printed is kept
        } finally {
            port.completeExceptionally(new IllegalStateException("child exited before it was ready:\n" + output()));
        }
    }

    /** Waits until {@code /health/ready} answers 200; returns the time from process start to ready. */
    public Duration awaitReady(Duration timeout) throws Exception {
        long deadline = startedNanos + timeout.toNanos();
        int p = port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri(p, "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // listener not accepting yet
            }
            LockSupport.parkNanos(20_000_000);
        }
        throw new IllegalStateException("not ready within " + timeout + ":\n" + output());
    }

    public URI uri(String path) {
        return uri(port.join(), path);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** SIGKILL: no shutdown hook, no final snapshot, no flush. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook closes the server and writes the final feature snapshot. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
