package dev.marquee.training.twotower;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The registry artifact {@value #FILE_NAME}: every video's item embedding, so serving (or an offline index
 * build) can load vectors without re-running the item tower. Big-endian layout: magic {@code MQIE}, version 1,
 * count, dimension; then per video its external id ({@code writeUTF}) and a content-only flag byte; then the
 * {@code count × dimension} floats in the same order.
 */
public final class ItemEmbeddingFile {
    public static final String FILE_NAME = "item-embeddings.bin";
    private static final int MAGIC = 0x4D514945;
    private static final int VERSION = 1;

    private ItemEmbeddingFile() {
    }

    public static void write(Path file, CatalogueEmbeddings e) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(e.size());
            out.writeInt(e.dimension());
            for (int i = 0; i < e.size(); i++) {
                out.writeUTF(e.videoIds()[i]);
                out.writeBoolean(e.contentOnly()[i]);
            }
            for (float v : e.vectors()) {
                out.writeFloat(v);
            }
        }
    }

    /** Reads a file written by {@link #write}; a wrong magic, version or a truncated file fails naming the file. */
    public static CatalogueEmbeddings read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not an item embedding file (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has version " + version + ", expected " + VERSION);
            }
            int n = in.readInt(), d = in.readInt();
            if (n < 0 || d < 1) {
                throw new IOException(file + " declares " + n + " rows of " + d + " floats");
            }
            String[] ids = new String[n];
            boolean[] content = new boolean[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                content[i] = in.readBoolean();
            }
            float[] rows = new float[Math.multiplyExact(n, d)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = in.readFloat();
            }
            return new CatalogueEmbeddings(ids, content, rows, d);
        } catch (java.io.EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }
}
