package dev.marquee.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;

/**
 * Writes and reads a {@link FeatureStoreConfig} in snapshot headers, component by component in declaration
 * order (each as a tagged long/int/double), so any added knob changes the header and old snapshots are
 * rejected by {@link FeatureSnapshot#VERSION} or by the configuration check rather than misread.
 */
final class ConfigCodec {
    private ConfigCodec() {
    }

    static void write(DataOutputStream out, FeatureStoreConfig c) throws IOException {
        RecordComponent[] parts = FeatureStoreConfig.class.getRecordComponents();
        out.writeInt(parts.length);
        try {
            for (RecordComponent p : parts) {
                Object v = p.getAccessor().invoke(c);
                switch (v) {
                    case Long l -> { out.writeByte('J'); out.writeLong(l); }
                    case Integer i -> { out.writeByte('I'); out.writeLong(i); }
                    case Double d -> { out.writeByte('D'); out.writeDouble(d); }
                    default -> throw new IllegalStateException("unsupported config component " + p.getName());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read config component", e);
        }
    }

    static FeatureStoreConfig read(DataInputStream in) throws IOException {
        RecordComponent[] parts = FeatureStoreConfig.class.getRecordComponents();
        int n = in.readInt();
        if (n != parts.length) {
            throw new IOException("snapshot config has " + n + " fields, this build has " + parts.length);
        }
        Object[] args = new Object[n];
        Class<?>[] types = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            int tag = in.readByte();
            types[i] = parts[i].getType();
            args[i] = switch (tag) {
                case 'J' -> in.readLong();
                case 'I' -> (int) in.readLong();
                case 'D' -> in.readDouble();
                default -> throw new IOException("snapshot corrupt: config tag " + tag);
            };
        }
        try {
            return FeatureStoreConfig.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IOException("snapshot config does not fit this build: " + e.getMessage(), e);
        }
    }
}
