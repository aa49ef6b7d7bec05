package dev.marquee.events;

import java.nio.file.Path;

class InMemoryEventLogTest extends EventLogContractTest {
    @Override
    protected EventLog newLog(Path dir) {
        return new InMemoryEventLog();
    }
}
