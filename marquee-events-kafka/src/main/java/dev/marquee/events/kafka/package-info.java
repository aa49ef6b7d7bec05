/**
 * The scale-out {@link dev.marquee.events.EventLog} on Apache Kafka: {@link dev.marquee.events.kafka.KafkaEventLog}
 * writes events in the log's binary codec to one topic per stream, keyed by the user (or video) id so one
 * user's events stay ordered in one partition; {@link dev.marquee.events.kafka.KafkaFeatureUpdaterLoop} is a
 * consumer-group member that feeds a feature writer and commits offsets only after the features are written
 * (at-least-once, made idempotent by event id downstream); {@link dev.marquee.events.kafka.EmbeddedKafkaBroker}
 * runs a single-node KRaft broker in-process for tests and {@code marquee dev-kafka}. A partitioned position is
 * packed into the log's single {@code long} offset by {@link dev.marquee.events.kafka.KafkaOffsets}.
 */
package dev.marquee.events.kafka;
