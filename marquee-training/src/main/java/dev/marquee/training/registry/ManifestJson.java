package dev.marquee.training.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explicit JSON mapping of {@link VersionManifest} via Jackson's tree model: field names are the file
 * format, so they are spelled out here rather than derived from record components, and every missing or
 * mistyped field fails with its name. Unknown fields are ignored so older readers accept newer manifests.
 */
final class ManifestJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    static String write(VersionManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", m.kind());
        root.put("version", m.version());
        root.put("createdAt", m.createdAt().toString());
        ObjectNode data = root.putObject("trainingData");
        data.put("eventLogFrom", m.trainingData().eventLogFrom());
        data.put("eventLogTo", m.trainingData().eventLogTo());
        data.put("impressionLogFrom", m.trainingData().impressionLogFrom());
        data.put("impressionLogTo", m.trainingData().impressionLogTo());
        root.put("featureSchemaHash", m.featureSchemaHash());
        ObjectNode metrics = root.putObject("holdoutMetrics");
        m.holdoutMetrics().forEach(metrics::put);
        root.put("parentVersion", m.parentVersion());
        ObjectNode artifacts = root.putObject("artifacts");
        m.artifacts().forEach((path, sum) -> artifacts.putObject(path)
                .put("sha256", sum.sha256()).put("bytes", sum.bytes()));
        root.put("status", m.status().label());
        root.put("statusReason", m.statusReason());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise manifest " + m.kind() + "/" + m.version(), e);
        }
    }

    static VersionManifest read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("manifest is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("manifest must be a JSON object");
        }
        JsonNode data = object(root, "trainingData");
        var range = new TrainingDataRange(number(data, "eventLogFrom"), number(data, "eventLogTo"),
                number(data, "impressionLogFrom"), number(data, "impressionLogTo"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        object(root, "holdoutMetrics").properties().forEach(e -> {
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("manifest field holdoutMetrics." + e.getKey() + " must be a number");
            }
            metrics.put(e.getKey(), e.getValue().doubleValue());
        });
        Map<String, ArtifactChecksum> artifacts = new LinkedHashMap<>();
        object(root, "artifacts").properties().forEach(e ->
                artifacts.put(e.getKey(), new ArtifactChecksum(text(e.getValue(), "sha256"),
                        number(e.getValue(), "bytes"))));
        return new VersionManifest(text(root, "kind"), text(root, "version"), instant(root, "createdAt"), range,
                text(root, "featureSchemaHash"), metrics, optionalText(root, "parentVersion"), artifacts,
                ModelStatus.fromLabel(text(root, "status")), optionalText(root, "statusReason"));
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("manifest field " + field + " must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("manifest field " + field + " must be a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("manifest field " + field + " must be an integer");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("manifest field " + field + " must be an ISO-8601 instant", e);
        }
    }
}
