package dev.marquee.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A saved model directory: {@code <name>.json} (the config record, so the network can be rebuilt) and
 * {@code <name>.params} (the DJL NDList of named tensors). Each file is written to a temporary name and
 * moved into place, so a reader never sees half a file.
 */
public final class ModelManifest {
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path directory;
    private final String name;

    public ModelManifest(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    public void write(Object config, ParameterSet params) throws IOException {
        Files.createDirectories(directory);
        Path jsonTmp = directory.resolve(name + ".json.tmp");
        json.writeValue(jsonTmp.toFile(), config);
        Path paramsTmp = directory.resolve(name + ".params.tmp");
        try (OutputStream out = Files.newOutputStream(paramsTmp)) {
            params.writeTo(out);
        }
        Files.move(paramsTmp, directory.resolve(name + ".params"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(jsonTmp, directory.resolve(name + ".json"), StandardCopyOption.REPLACE_EXISTING);
    }

    public <T> T readConfig(Class<T> type) throws IOException {
        Path file = directory.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no model manifest at " + file);
        }
        return json.readValue(file.toFile(), type);
    }

    public ParameterSet readParams() throws IOException {
        Path file = directory.resolve(name + ".params");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no params file at " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ParameterSet.readFrom(in);
        }
    }
}
