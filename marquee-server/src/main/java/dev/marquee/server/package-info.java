/**
 * The deployable: the HTTP API, the single composition root ({@code Wiring}) that picks the backends
 * from config, and the {@code marquee} CLI. Nothing else in Marquee constructs a backend.
 */
package dev.marquee.server;
