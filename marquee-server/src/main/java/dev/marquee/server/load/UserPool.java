package dev.marquee.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users a run speaks for: distinct ids collected from the server's {@code GET /v1/users/sample} (100 per
 * call), so feeds are personalised exactly as for real users. Order is random; the Zipf rank is the index.
 */
final class UserPool {
    private static final int PER_CALL = 100;

    private UserPool() {
    }

    /** Up to {@code wanted} distinct ids; fewer when the server knows fewer (stops after repeated dry calls). */
    static List<String> fetch(LoadClient client, int wanted) {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> ids = new LinkedHashSet<>();
        int dry = 0;
        while (ids.size() < wanted && dry < 20) {
            LoadClient.Reply r = client.get("/v1/users/sample?n=" + PER_CALL);
            if (!r.ok()) {
                throw new IllegalStateException("GET /v1/users/sample answered " + EndpointStats.label(r.status()) + ": "
                        + abbreviate(r.body()) + " (is the server up, and the token right?)");
            }
            int before = ids.size();
            try {
                JsonNode arr = mapper.readTree(r.body());
                for (JsonNode n : arr) {
                    if (ids.size() < wanted) {
                        ids.add(n.asText());
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("GET /v1/users/sample is not a JSON array: " + abbreviate(r.body()), e);
            }
            dry = ids.size() == before ? dry + 1 : 0;
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the server has no users to sample (empty /v1/users/sample)");
        }
        return new ArrayList<>(ids);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
