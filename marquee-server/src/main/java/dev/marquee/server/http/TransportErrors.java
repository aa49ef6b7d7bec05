package dev.marquee.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders the errors the HTTP layer answers before routing (malformed request line, bad percent-encoding,
 * oversized headers) in the API's JSON shape {@code {error, details}}, so every refusal carries a message.
 */
final class TransportErrors implements DirectHandler {
    private final ObjectMapper mapper;

    TransportErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static DirectHandlers handlers(ObjectMapper mapper) {
        TransportErrors h = new TransportErrors(mapper);
        DirectHandlers.Builder b = DirectHandlers.builder();
        for (EventType t : EventType.values()) {
            b.addHandler(t, h);
        }
        return b.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                    ServerResponseHeaders headers, String message) {
        String error = message == null || message.isBlank() ? status.reasonPhrase() : message;
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Map.of("error", abbreviate(error), "details", List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"error\":\"bad request\",\"details\":[]}".getBytes(StandardCharsets.UTF_8);
        }
        headers.set(HeaderNames.CONTENT_TYPE, "application/json");
        return TransportResponse.builder().status(status).headers(headers).keepAlive(type.keepAlive()).entity(body).build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
