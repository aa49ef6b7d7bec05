package dev.marquee.features;

import dev.marquee.core.IdDictionary;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The store's string ↔ dense-int dictionaries. Users, videos, creators, categories and languages are
 * public (the ANN index and the feed share the video ids); profile attributes are internal. Snapshots
 * write each dictionary in dense order and re-intern in that order, so ids survive a restart unchanged.
 */
final class Dictionaries {
    final IdDictionary users = new IdDictionary(1 << 12);
    final IdDictionary videos = new IdDictionary(1 << 12);
    final IdDictionary creators = new IdDictionary(1 << 10);
    final IdDictionary categories = new IdDictionary(64);
    final IdDictionary languages = new IdDictionary(16);
    final IdDictionary countries = new IdDictionary(64);
    final IdDictionary devices = new IdDictionary(16);
    final IdDictionary ageBands = new IdDictionary(16);

    private IdDictionary[] all() {
        return new IdDictionary[] {users, videos, creators, categories, languages, countries, devices, ageBands};
    }

    /** Dense id of a nullable attribute value: -1 for null. */
    static int internNullable(IdDictionary dict, String value) {
        return value == null ? -1 : dict.intern(value);
    }

    static String externalNullable(IdDictionary dict, int dense) {
        return dense < 0 ? null : dict.external(dense);
    }

    void writeTo(DataOutputStream out) throws IOException {
        for (IdDictionary d : all()) {
            int n = d.size();
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                writeString(out, d.external(i));
            }
        }
    }

    void readFrom(DataInputStream in) throws IOException {
        for (IdDictionary d : all()) {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("snapshot corrupt: dictionary size " + n);
            }
            for (int i = 0; i < n; i++) {
                if (d.intern(readString(in)) != i) {
                    throw new IOException("snapshot corrupt: duplicate id in dictionary at " + i);
                }
            }
        }
    }

    long estimateBytes() {
        long b = 0;
        for (IdDictionary d : all()) {
            b += d.size() * 32L; // table slots, end offset and bytes of a short id (IdDictionary)
        }
        return b;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > (1 << 24)) {
            throw new IOException("snapshot corrupt: string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
