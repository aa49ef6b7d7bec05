package dev.marquee.server.cli;

import dev.marquee.events.kafka.EmbeddedKafkaBroker;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a single-node Kafka broker in this process so the Kafka event-log mode can be tried without installing
 * Kafka. Its data is temporary: every start is an empty cluster. Stops on Ctrl-C (a shutdown hook closes it).
 */
@Command(name = "dev-kafka", mixinStandardHelpOptions = true,
        description = "Run an in-process single-node Kafka (KRaft) broker for development; prints its bootstrap address and runs until Ctrl-C.")
public final class DevKafkaCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "listener port on localhost (0 = any free port; default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            broker.close();
            stopped.countDown();
        }));
        System.out.println("Kafka broker running; bootstrap servers: " + broker.bootstrapServers());
        System.out.println("Use it with: marquee serve --event-log kafka://" + broker.bootstrapServers() + "   (Ctrl-C stops it)");
        stopped.await();
        return 0;
    }
}
