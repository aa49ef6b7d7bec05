package dev.marquee.server.http;

import dev.marquee.core.Clock;
import dev.marquee.events.AppendResult;
import dev.marquee.events.Event;
import dev.marquee.events.EventLog;
import dev.marquee.events.EventLogException;
import dev.marquee.events.UserDeleted;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /v1/videos/{videoId}}, {@code PUT /v1/users/{userId}} and {@code DELETE /v1/users/{userId}}:
 * each becomes one event in the log (the source of truth) and answers once the serving state applied it,
 * so the next feed already sees the new video, profile or deletion.
 */
public final class EntityHandlers {
    static final Duration APPLY_TIMEOUT = Duration.ofSeconds(5);

    private final UpsertEvents upserts;
    private final EventLog log;
    private final Watermark applied;
    private final Json out;
    private final Clock clock;
    private final int maxBodyBytes;

    public EntityHandlers(dev.marquee.events.EventJson json, EventLog log, Watermark applied, Json out, Clock clock,
                          int maxBodyBytes) {
        this.upserts = new UpsertEvents(json, out.mapper(), clock);
        this.log = log;
        this.applied = applied;
        this.out = out;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void putVideo(ServerRequest req, ServerResponse res) {
        String id = PathIds.of(req, "videoId");
        QueryParams.allowOnly(req, java.util.Set.of());
        Event e = upserts.fromBody("video", "videoId", id, BodyReader.read(req, maxBodyBytes));
        appendAndAnswer(res, e, Map.of("videoId", id));
    }

    public void putUser(ServerRequest req, ServerResponse res) {
        String id = PathIds.of(req, "userId");
        QueryParams.allowOnly(req, java.util.Set.of());
        Event e = upserts.fromBody("user", "userId", id, BodyReader.read(req, maxBodyBytes));
        appendAndAnswer(res, e, Map.of("userId", id));
    }

    public void deleteUser(ServerRequest req, ServerResponse res) {
        String id = PathIds.of(req, "userId");
        QueryParams.allowOnly(req, java.util.Set.of());
        long now = clock.millis();
        Event e = new UserDeleted("api-user-deleted-" + id + "-" + now, now, id);
        appendAndAnswer(res, e, Map.of("userId", id, "deleted", true));
    }

    private void appendAndAnswer(ServerResponse res, Event e, Map<String, Object> fields) {
        AppendResult r;
        try {
            r = log.append(List.of(e));
        } catch (EventLogException ex) {
            throw ApiException.unavailable("event log unavailable, nothing was stored: " + ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest("event cannot be stored, nothing was appended: " + ex.getMessage());
        }
        long offset = r.offsets()[0];
        boolean visible = true;
        if (offset >= 0) {
            try {
                visible = applied.awaitApplied(offset, APPLY_TIMEOUT);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                visible = false;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("offset", offset);
        body.put("applied", visible);
        out.send(res, visible ? 200 : 202, body);
    }
}
