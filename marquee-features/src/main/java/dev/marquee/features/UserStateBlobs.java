package dev.marquee.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The binary user blob of remote backends: the in-memory snapshot encoding of one {@link UserState}
 * ({@link UserState#writeTo}): big-endian; country, device, age band (int, -1 unknown), signup and last
 * activity (long), 5 interaction totals (long), then optional parts each behind a presence byte: history ring
 * (n, then n × video int, type byte, watch float, time long, oldest first), impression ring (n × video int,
 * time long), recent long views (n × video int, time long), creator / category / language Space-Saving
 * summaries (n, landmark long, n × item int, count double, in heap order), watched-set Bloom stages (n, last
 * stage fill, inserted, then Guava's own serialisation per stage).
 */
final class UserStateBlobs {
    private UserStateBlobs() {
    }

    static byte[] encode(UserState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            s.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes {@code blob} as a detached state ({@code owner} supplies config and decays only). */
    static UserState decode(byte[] blob, UserStates owner) {
        try {
            return UserState.readFrom(new DataInputStream(new ByteArrayInputStream(blob)), owner);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt user blob (" + blob.length + " bytes): " + e.getMessage(), e);
        }
    }

    /** Decodes {@code blob} into slot {@code slot} of {@code states} (replacing what was there). */
    static void into(UserStates states, int slot, byte[] blob) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream(blob.length + 8);
        try (DataOutputStream out = new DataOutputStream(framed)) {
            out.writeInt(1);
            out.writeInt(slot);
            out.write(blob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        states.forget(slot);
        try {
            states.readFrom(new DataInputStream(new ByteArrayInputStream(framed.toByteArray())));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt user blob (" + blob.length + " bytes): " + e.getMessage(), e);
        }
    }
}
