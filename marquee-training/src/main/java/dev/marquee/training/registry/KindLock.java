package dev.marquee.training.registry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises pointer read-modify-writes (promote, rollback, prune) per kind: an OS file lock on
 * {@code <kind>/.lock} for other processes, e.g. the {@code marquee models} CLI next to a running server,
 * plus a thread lock. OS file locks belong to the whole JVM (a second lock from the same JVM throws), so
 * the thread locks are JVM-wide too, keyed by lock file, which lets several registry instances share a
 * root. File locks are advisory and may be weak on some network filesystems; version directories never
 * need the lock.
 */
final class KindLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private KindLock() {
    }

    /** A read-modify-write on one kind's registry state. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }

    static <T> T withLock(Path kindDir, Action<T> action) throws IOException {
        Files.createDirectories(kindDir);
        Path lockFile = kindDir.resolve(".lock").toAbsolutePath().normalize();
        ReentrantLock lock = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        if (lock.isHeldByCurrentThread()) {
            return action.run(); // nested call: this thread already holds the file lock
        }
        lock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return action.run();
        } finally {
            lock.unlock();
        }
    }
}
