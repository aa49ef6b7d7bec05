package dev.marquee.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void bench_rejectsBadRateWithExitCode2() {
        assertThat(Main.run("bench", "--url", "http://127.0.0.1:9", "--rate", "0", "--duration", "1")).isEqualTo(2);
    }

    @Test
    void bench_requiresExactlyOneTarget() {
        assertThat(Main.run("bench", "--rate", "10", "--duration", "1")).isEqualTo(2);
    }

    @Test
    void bench_namesTheServerItCannotReach() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        int rc;
        try {
            rc = Main.run("bench", "--url", "http://127.0.0.1:" + port, "--rate", "10", "--duration", "1");
        } finally {
            System.setErr(err);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(captured.toString()).contains("/v1/users/sample");
    }
}
