/**
 * HTTP API v1 on Helidon SE (virtual threads): one small handler per endpoint, JSON via Jackson, errors
 * always as {@code {error, details}} with a 4xx/5xx status, never a stack trace. In front of the handlers sit
 * the guards: {@link dev.marquee.server.http.BearerAuth} (constant-time bearer token on writes, /v1/users and
 * optionally the feed) and an {@link dev.marquee.server.http.AdmissionGate} per endpoint class (bounded
 * concurrency; 503 + Retry-After past capacity). Input limits: body size and batch size
 * ({@link dev.marquee.server.http.IngestLimits}), ids ({@code PathIds}), query parameters (known names only,
 * bounded values), string fields (the event validator).
 */
package dev.marquee.server.http;
