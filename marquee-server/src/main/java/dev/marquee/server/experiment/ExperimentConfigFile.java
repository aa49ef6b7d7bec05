package dev.marquee.server.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.feed.ranking.ScoreWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code DATA/experiments.json}:
 * <pre>{"experiments": [{"name": "weights", "interleaving": false, "variants": [
 *     {"name": "control", "share": 0.5},
 *     {"name": "watch", "share": 0.5, "overrides": {"weights": {"click": 1, "watch": 8, "share": 4},
 *      "explorationShare": 0.1, "epsilonGreedy": 1.0, "rankerKind": "ranker"}}]}]}</pre>
 * Unknown fields, wrong types and invalid values fail with the file and the JSON path of the culprit.
 */
public final class ExperimentConfigFile {
    public static final String FILE = "experiments.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExperimentConfigFile() {
    }

    /** The file's experiments, or none when the file does not exist. */
    public static ExperimentConfig readOrNone(Path file) {
        if (!Files.exists(file)) {
            return ExperimentConfig.none();
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses JSON text; {@code source} names it in error messages. */
    public static ExperimentConfig parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        String at = "$";
        try {
            fields(root, at, Set.of("experiments"));
            JsonNode list = array(root.get("experiments"), at = "$.experiments");
            List<Experiment> experiments = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                at = "$.experiments[" + i + "]";
                experiments.add(experiment(list.get(i), at));
            }
            at = "$";
            return new ExperimentConfig(experiments);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " at " + at + ": " + e.getMessage(), e);
        }
    }

    private static Experiment experiment(JsonNode n, String at) {
        fields(n, at, Set.of("name", "interleaving", "variants"));
        JsonNode vs = array(n.get("variants"), "variants");
        List<Variant> variants = new ArrayList<>();
        for (int j = 0; j < vs.size(); j++) {
            try {
                variants.add(variant(vs.get(j)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("variants[" + j + "]: " + e.getMessage(), e);
            }
        }
        JsonNode il = n.get("interleaving");
        if (il != null && !il.isBoolean()) {
            throw new IllegalArgumentException("interleaving must be true or false");
        }
        return new Experiment(text(n.get("name"), "name"), il != null && il.booleanValue(), variants);
    }

    private static Variant variant(JsonNode n) {
        fields(n, "variant", Set.of("name", "share", "overrides"));
        JsonNode o = n.get("overrides");
        VariantOverrides overrides = VariantOverrides.NONE;
        if (o != null) {
            fields(o, "overrides", Set.of("weights", "explorationShare", "epsilonGreedy", "rankerKind"));
            ScoreWeights w = null;
            if (o.has("weights")) {
                JsonNode wn = o.get("weights");
                fields(wn, "weights", Set.of("click", "watch", "share"));
                ScoreWeights d = ScoreWeights.defaults();
                w = new ScoreWeights(number(wn.get("click"), "click", d.click()), number(wn.get("watch"), "watch", d.watch()),
                        number(wn.get("share"), "share", d.share()));
            }
            overrides = new VariantOverrides(w, o.has("explorationShare") ? number(o.get("explorationShare"), "explorationShare", 0) : null,
                    o.has("epsilonGreedy") ? number(o.get("epsilonGreedy"), "epsilonGreedy", 0) : null,
                    o.has("rankerKind") ? text(o.get("rankerKind"), "rankerKind") : null);
        }
        if (n.get("share") == null) {
            throw new IllegalArgumentException("share is required");
        }
        return new Variant(text(n.get("name"), "name"), number(n.get("share"), "share", 0), overrides);
    }

    private static void fields(JsonNode n, String what, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "' (allowed: " + allowed + ")");
            }
        }
    }

    private static JsonNode array(JsonNode n, String what) {
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(what + " must be a JSON array");
        }
        return n;
    }

    private static String text(JsonNode n, String what) {
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException(what + " must be a string");
        }
        return n.textValue();
    }

    private static double number(JsonNode n, String what, double fallback) {
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException(what + " must be a number, got " + n);
        }
        return n.doubleValue();
    }
}
