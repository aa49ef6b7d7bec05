package dev.marquee.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The {@link EventLogContractTest} plus what a durable backend adds: records and dedupe survive a reopen. */
public abstract class DurableEventLogContractTest extends EventLogContractTest {

    @Test
    void reopen_keepsRecordsAndDedupe() {
        EventLog log = open();
        log.append(TestEvents.everyType());
        log.append(TestEvents.batch("a", 100));
        log = reopen(log);
        assertThat(log.endOffset()).isEqualTo(108);
        assertThat(log.read(0, 8)).extracting(LogRecord::event).containsExactlyElementsOf(TestEvents.everyType());
        AppendResult r = log.append(List.of(TestEvents.click("a42"), TestEvents.click("e-video"), TestEvents.click("fresh")));
        assertThat(r.offsets()).containsExactly(-1, -1, 108);
    }

    @Test
    void reopen_continuesOffsetsAndTailing() throws Exception {
        EventLog log = open();
        log.append(TestEvents.batch("a", 10));
        log = reopen(log);
        assertThat(log.append(TestEvents.batch("b", 2)).offsets()).containsExactly(10, 11);
        List<LogRecord> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = log.subscribe(8, seen::addAll)) {
            awaitUntil(() -> seen.size() >= 4);
        }
        assertThat(TestEvents.ids(seen)).containsExactly("a8", "a9", "b0", "b1");
    }
}
