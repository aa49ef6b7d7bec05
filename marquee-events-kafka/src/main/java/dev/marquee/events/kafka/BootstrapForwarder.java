package dev.marquee.events.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Gives the embedded broker a fixed, user-chosen bootstrap port: Kafka's test kit binds its listeners to ephemeral
 * ports, so this relays connections from {@code localhost:port} to the broker's real listener. Clients only
 * bootstrap through it; the metadata they receive names the real listener, which they then use directly.
 */
final class BootstrapForwarder implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;

    BootstrapForwarder(int port, int targetPort) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.targetPort = targetPort;
        Thread.ofVirtual().name("kafka-bootstrap-forwarder").start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofVirtual().start(() -> pipe(client, broker));
                Thread.ofVirtual().start(() -> pipe(broker, client));
            } catch (IOException e) {
                // closed, or the broker refused: the client sees its connection drop and retries
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
