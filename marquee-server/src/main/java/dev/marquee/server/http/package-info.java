/**
 * HTTP API v1 on Helidon SE (virtual threads): one small handler per endpoint, JSON via Jackson, errors
 * always as {@code {error, details}} with a 4xx/5xx status, never a stack trace.
 */
package dev.marquee.server.http;
