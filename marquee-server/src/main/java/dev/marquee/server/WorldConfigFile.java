package dev.marquee.server;

import dev.marquee.sim.WorldConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Persists the {@link WorldConfig} a data directory was generated with, so later commands (simulate,
 * eval, demo) can rebuild the same deterministic world — including its hidden truths — from the seed.
 */
public final class WorldConfigFile {
    private WorldConfigFile() {
    }

    public static void write(Path file, WorldConfig config) {
        Properties p = new Properties();
        try {
            for (RecordComponent c : WorldConfig.class.getRecordComponents()) {
                p.setProperty(c.getName(), String.valueOf(c.getAccessor().invoke(config)));
            }
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "marquee synthetic world (regenerate with the same values for the same world)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static WorldConfig read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        RecordComponent[] comps = WorldConfig.class.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            String raw = p.getProperty(comps[i].getName());
            if (raw == null) {
                throw new IllegalArgumentException(file + ": missing " + comps[i].getName());
            }
            types[i] = comps[i].getType();
            args[i] = switch (types[i].getName()) {
                case "int" -> Integer.parseInt(raw);
                case "long" -> Long.parseLong(raw);
                case "double" -> Double.parseDouble(raw);
                default -> throw new IllegalStateException("unsupported world config field type " + types[i]);
            };
        }
        try {
            return WorldConfig.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(file + ": " + e.getCause(), e);
        }
    }
}
