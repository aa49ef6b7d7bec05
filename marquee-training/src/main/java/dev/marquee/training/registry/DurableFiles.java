package dev.marquee.training.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * The write-temp, fsync, rename, fsync-parent protocol that makes registry writes crash-atomic on POSIX
 * filesystems: after a crash a reader sees the old state or the new one, never a torn file. Temporary names
 * start with a dot so listings skip them.
 */
final class DurableFiles {
    static final String TEMP_PREFIX = ".tmp-";

    private DurableFiles() {
    }

    /** Replaces {@code target} with {@code bytes} atomically and durably. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /** Flushes a file's contents to stable storage. */
    static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a directory's entries (new names, renames) to stable storage; skipped where directories cannot be opened. */
    static void syncDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            if (Files.isDirectory(dir)) {
                return; // e.g. Windows cannot open a directory; its renames are still atomic
            }
            throw e;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** A fresh hidden temp directory beside the final location, so the final rename stays on one filesystem. */
    static Path createTempDirectory(Path parent) throws IOException {
        return Files.createDirectory(parent.resolve(TEMP_PREFIX + UUID.randomUUID()));
    }

    /** Deletes a tree bottom-up; missing is fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
