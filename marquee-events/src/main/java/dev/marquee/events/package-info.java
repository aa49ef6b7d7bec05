/**
 * Events and the log that is Marquee's source of truth. The sealed {@link dev.marquee.events.Event}
 * records (interactions, video and user upserts, deletions) travel as JSON ({@link dev.marquee.events.EventJson},
 * one strict format for the HTTP API and JSON Lines files, checked by {@link dev.marquee.events.EventValidator})
 * and are stored by an {@link dev.marquee.events.EventLog}: {@link dev.marquee.events.FileEventLog}, the
 * embedded durable default, keeps them in a compact binary form ({@link dev.marquee.events.EventBinaryCodec})
 * on a {@link dev.marquee.events.SegmentedFileLog}, a generic append-only segmented byte log with CRC-framed
 * records, fsync policy and crash recovery that other streams reuse with their own codecs.
 */
package dev.marquee.events;
