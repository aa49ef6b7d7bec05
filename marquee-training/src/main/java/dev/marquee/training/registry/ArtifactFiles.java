package dev.marquee.training.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Copies a trainer's output into a version directory while hashing it, and re-hashes it on load. */
final class ArtifactFiles {
    private static final int CHUNK = 1 << 20;

    private ArtifactFiles() {
    }

    /**
     * Copies every regular file under {@code source} into {@code target} (same relative layout), fsyncing each
     * file and directory, and returns relative path to checksum. Symlinks, dot-files and a top-level
     * {@code manifest.json} are refused, since they would be ambiguous in the registry.
     */
    static Map<String, ArtifactChecksum> copyHashed(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("artifacts directory " + source + " does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(p -> !p.equals(source)).sorted().toList();
        }
        Map<String, ArtifactChecksum> sums = new TreeMap<>();
        for (Path file : files) {
            String relative = relativeName(source, file);
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target.resolve(relative));
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("artifact " + file + " is not a regular file (symlink or device)");
            }
            Path out = target.resolve(relative);
            Files.createDirectories(out.getParent());
            sums.put(relative, copyOne(file, out));
        }
        if (sums.isEmpty()) {
            throw new IllegalArgumentException("artifacts directory " + source + " contains no files");
        }
        try (Stream<Path> dirs = Files.walk(target)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                DurableFiles.syncDirectory(dir);
            }
        }
        return sums;
    }

    /** Checks every listed file against the manifest; throws naming the first bad file. */
    static void verify(VersionManifest manifest, Path versionDir) throws IOException {
        for (var entry : manifest.artifacts().entrySet()) {
            Path file = versionDir.resolve(entry.getKey());
            ArtifactChecksum expected = entry.getValue();
            if (!Files.isRegularFile(file)) {
                throw corrupt(manifest, entry.getKey(), "is missing");
            }
            long size = Files.size(file);
            if (size != expected.bytes()) {
                String problem = size < expected.bytes() ? "is truncated" : "has grown";
                throw corrupt(manifest, entry.getKey(), problem + ": " + size + " bytes, manifest says " + expected.bytes());
            }
            String actual = sha256(file);
            if (!actual.equals(expected.sha256())) {
                throw corrupt(manifest, entry.getKey(), "fails its checksum: sha256 " + actual
                        + ", manifest says " + expected.sha256());
            }
        }
    }

    private static CorruptArtifactException corrupt(VersionManifest m, String artifact, String problem) {
        return new CorruptArtifactException(m.kind(), m.version(), artifact, problem);
    }

    private static String relativeName(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder name = new StringBuilder();
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                throw new IllegalArgumentException("artifact " + file + " is hidden (name starts with '.'); rename it");
            }
            name.append(name.isEmpty() ? "" : "/").append(part);
        }
        if (name.toString().equals(RegistryNames.MANIFEST)) {
            throw new IllegalArgumentException("artifacts may not contain a top-level " + RegistryNames.MANIFEST
                    + " (the registry writes its own): " + file);
        }
        return name.toString();
    }

    private static ArtifactChecksum copyOne(Path from, Path to) throws IOException {
        MessageDigest digest = newDigest();
        long bytes = 0;
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(from);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                digest.update(chunk, 0, n);
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                bytes += n;
            }
            out.force(true);
        }
        return new ArtifactChecksum(HexFormat.of().formatHex(digest.digest()), bytes);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                digest.update(chunk, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
