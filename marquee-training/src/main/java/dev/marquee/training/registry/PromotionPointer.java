package dev.marquee.training.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of {@code <kind>/current.json}: the version serving should run and the versions promoted
 * before it, most recent first, which is what {@code rollback} walks back through.
 *
 * @param kind    model kind
 * @param current version to serve
 * @param history previously promoted versions, most recent first, without {@code current}
 */
public record PromotionPointer(String kind, String current, List<String> history) {
    /** How many earlier promotions the pointer remembers. */
    static final int HISTORY_LIMIT = 16;

    public PromotionPointer {
        RegistryNames.checkKind(kind);
        RegistryNames.checkVersion(current);
        Objects.requireNonNull(history, "history");
        history.forEach(RegistryNames::checkVersion);
        if (history.contains(current)) {
            throw new IllegalArgumentException("promotion history of " + kind + " must not contain current " + current);
        }
        history = List.copyOf(history.subList(0, Math.min(history.size(), HISTORY_LIMIT)));
    }

    /** The pointer after promoting {@code next}: the old current moves to the head of the history. */
    PromotionPointer promote(String next) {
        var newHistory = new ArrayList<String>();
        newHistory.add(current);
        newHistory.addAll(history);
        newHistory.remove(next);
        return new PromotionPointer(kind, next, newHistory);
    }

    /** The version before {@code current}, if any. */
    public Optional<String> previous() {
        return history.stream().findFirst();
    }

    public String toJson() {
        ObjectNode root = ManifestJson.MAPPER.createObjectNode();
        root.put("kind", kind);
        root.put("current", current);
        var versions = root.putArray("history");
        history.forEach(versions::add);
        try {
            return ManifestJson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise promotion pointer of " + kind, e);
        }
    }

    public static PromotionPointer fromJson(String json) {
        try {
            JsonNode root = ManifestJson.MAPPER.readTree(json);
            JsonNode history = root == null ? null : root.get("history");
            if (root == null || !root.path("kind").isTextual() || !root.path("current").isTextual()
                    || history == null || !history.isArray()) {
                throw new IllegalArgumentException("promotion pointer needs string kind, string current and array history");
            }
            var versions = new ArrayList<String>();
            history.forEach(node -> versions.add(node.asText()));
            return new PromotionPointer(root.get("kind").asText(), root.get("current").asText(), versions);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("promotion pointer is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
