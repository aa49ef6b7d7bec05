package dev.marquee.server.http;

import dev.marquee.events.AppendResult;
import dev.marquee.events.BatchValidationException;
import dev.marquee.events.Event;
import dev.marquee.events.EventJson;
import dev.marquee.events.EventLog;
import dev.marquee.events.EventLogException;
import dev.marquee.events.ValidationError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/events}: a JSON array or JSON Lines batch, validated whole, answered 202 only after the
 * event log made it durable. A bad batch is 400 with every problem named and nothing appended; an
 * unavailable log is 503 with Retry-After, never a 202 for an event that was not stored.
 */
public final class EventsHandler implements Handler {
    private final EventJson json;
    private final EventLog log;
    private final IngestLimits limits;
    private final Json out;
    private final Counter accepted;
    private final Counter rejected;

    public EventsHandler(EventJson json, EventLog log, IngestLimits limits, Json out, MeterRegistry metrics) {
        this.json = json;
        this.log = log;
        this.limits = limits;
        this.out = out;
        this.accepted = Counter.builder("marquee.ingest.events").tag("outcome", "accepted").register(metrics);
        this.rejected = Counter.builder("marquee.ingest.events").tag("outcome", "rejected").register(metrics);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        QueryParams.allowOnly(req, java.util.Set.of());
        String body = BodyReader.read(req, limits.maxBodyBytes());
        List<Event> events = parse(body);
        if (events.isEmpty()) {
            throw ApiException.badRequest("the batch holds no events");
        }
        if (events.size() > limits.maxEvents()) {
            throw new ApiException(413, "batch of " + events.size() + " events over the limit of " + limits.maxEvents());
        }
        AppendResult r;
        try {
            r = log.append(events);
        } catch (EventLogException e) {
            throw ApiException.unavailable("event log unavailable, nothing was stored: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            rejected.increment();
            throw ApiException.badRequest("event cannot be stored, nothing was appended: " + e.getMessage());
        }
        accepted.increment(r.accepted());
        long last = -1;
        for (long o : r.offsets()) {
            last = Math.max(last, o);
        }
        Map<String, Object> body202 = new LinkedHashMap<>();
        body202.put("accepted", r.accepted());
        body202.put("duplicates", r.duplicates());
        body202.put("offset", last);
        out.send(res, 202, body202);
    }

    private List<Event> parse(String body) {
        String trimmed = body.stripLeading();
        try {
            return trimmed.startsWith("[") ? json.parseArray(body) : json.parseLines(body);
        } catch (BatchValidationException e) {
            rejected.increment();
            throw invalid(e);
        }
    }

    static ApiException invalid(BatchValidationException e) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (ValidationError err : e.errors()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("index", err.index());
            d.put("field", err.field());
            d.put("message", err.message());
            details.add(d);
        }
        return new ApiException(400, "invalid batch: " + e.totalErrors() + " problem(s); nothing was appended",
                details, null);
    }
}
