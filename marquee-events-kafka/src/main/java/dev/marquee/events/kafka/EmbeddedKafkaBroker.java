package dev.marquee.events.kafka;

import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node Kafka (KRaft, combined broker + controller) running in this JVM, for tests and
 * {@code marquee dev-kafka}: no Docker, no separate install. Built on Kafka's own {@code KafkaClusterTestKit}
 * (4.3.1; 4.4.0's kit misses a class at run time). Data lives in a temporary directory deleted on close, so
 * every start is an empty cluster. Not for production: one node, replication factor 1.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private BootstrapForwarder forwarder;
    private String bootstrap;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrap = cluster.bootstrapServers();
    }

    /** Starts a broker on a free loopback port. */
    public static EmbeddedKafkaBroker start() {
        return start(0, null);
    }

    /**
     * Starts a broker listening on {@code localhost:port} (0 = a free port) with its data under {@code baseDir}
     * (null = a new temporary directory); returns once it accepts requests. Throws IllegalStateException with
     * the cause when it cannot start (e.g. the port is taken).
     */
    public static EmbeddedKafkaBroker start(int port, Path baseDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        TestKitNodes.Builder nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1);
        if (baseDir != null) {
            nodes.setBaseDirectory(baseDir);
        }
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes built = nodes.build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(built)
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("auto.create.topics.enable", "false");
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster);
            if (port != 0) {
                String real = cluster.bootstrapServers();
                broker.forwarder = new BootstrapForwarder(port, Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
                broker.bootstrap = "localhost:" + port;
            }
            return broker;
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start the embedded Kafka broker on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrap;
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        try {
            if (forwarder != null) {
                forwarder.close();
            }
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("embedded Kafka broker did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
