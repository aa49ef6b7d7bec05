package dev.marquee.server.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * The generator's HTTP side: one {@link HttpClient} (HTTP/1.1 keep-alive pool) on virtual threads, the bearer
 * token on every request, and failures turned into pseudo-statuses so the report can count them per endpoint.
 */
final class LoadClient implements AutoCloseable {
    /** Pseudo-status of a request that did not answer within the timeout. */
    static final int TIMEOUT = -1;
    /** Pseudo-status of a connection or protocol failure. */
    static final int IO_ERROR = -2;

    private final LoadConfig config;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    LoadClient(LoadConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A status and body; status is {@link #TIMEOUT} or {@link #IO_ERROR} when no HTTP answer came. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(config.uri(pathAndQuery)).timeout(config.timeout());
        if (config.token() != null) {
            b.header("Authorization", "Bearer " + config.token());
        }
        return b;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            return new Reply(TIMEOUT, e.getMessage());
        } catch (IOException e) {
            return new Reply(IO_ERROR, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(IO_ERROR, "interrupted");
        }
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}
