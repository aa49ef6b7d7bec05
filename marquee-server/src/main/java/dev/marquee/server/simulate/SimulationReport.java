package dev.marquee.server.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sim.OutcomeMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine-readable result of {@code marquee simulate}: {@code {POLICY: {"ctr":x, "long_view_rate":x,
 * "watch_minutes_per_session":x, "share_rate":x, "coverage":x, "new_video_exposure":x, ...extra keys,
 * "days":[...]}}}. When the oracle ran, every policy also gets {@code oracle_gap_*} keys (oracle minus policy).
 * NaN (no new video reached 100 impressions) is written as null.
 */
public final class SimulationReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimulationReport() {
    }

    public static ObjectNode toJson(List<PolicyOutcome> outcomes) {
        ObjectNode root = MAPPER.createObjectNode();
        OutcomeMetrics oracle = outcomes.stream().filter(o -> o.policy() == SimulatedPolicy.ORACLE)
                .map(PolicyOutcome::total).findFirst().orElse(null);
        for (PolicyOutcome o : outcomes) {
            ObjectNode n = metrics(o.total());
            n.put("requests", o.requests());
            n.put("seconds", round(o.seconds()));
            if (oracle != null) {
                n.put("oracle_gap_long_view_rate", round(oracle.longViewRate() - o.total().longViewRate()));
                n.put("oracle_gap_watch_minutes_per_session",
                        round(oracle.watchMinutesPerSession() - o.total().watchMinutesPerSession()));
                n.put("oracle_gap_mean_true_affinity", round(oracle.meanTrueAffinity() - o.total().meanTrueAffinity()));
            }
            ArrayNode days = n.putArray("days");
            for (OutcomeMetrics d : o.days()) {
                days.add(metrics(d));
            }
            root.set(o.policy().cliName(), n);
        }
        return root;
    }

    static ObjectNode metrics(OutcomeMetrics m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("ctr", round(m.ctr()));
        n.put("long_view_rate", round(m.longViewRate()));
        n.put("watch_minutes_per_session", round(m.watchMinutesPerSession()));
        n.put("share_rate", round(m.shareRate()));
        n.put("coverage", round(m.coverage()));
        n.put("new_video_exposure", round(m.newVideoExposure()));
        n.put("creator_gini", round(m.creatorGini()));
        n.put("long_views_per_click", round(m.longViewsPerClick()));
        n.put("mean_true_affinity", round(m.meanTrueAffinity()));
        n.put("sessions", m.sessions());
        n.put("impressions", m.impressions());
        n.put("clicks", m.clicks());
        n.put("long_views", m.longViews());
        n.put("shares", m.shares());
        n.put("watch_minutes", round(m.watchMinutes()));
        n.put("new_videos", m.newVideos());
        n.put("new_videos_reaching_100_impressions", m.newVideosReaching100());
        if (Double.isNaN(m.medianHoursTo100())) {
            n.putNull("median_hours_to_100_impressions");
        } else {
            n.put("median_hours_to_100_impressions", round(m.medianHoursTo100()));
        }
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    public static String toJsonString(List<PolicyOutcome> outcomes) throws IOException {
        return MAPPER.writeValueAsString(toJson(outcomes));
    }

    /** Writes {@code simulation.json} and {@code simulation.html} into {@code dir}. */
    public static void write(Path dir, List<PolicyOutcome> outcomes, String title) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("simulation.json"), toJsonString(outcomes));
        Files.writeString(dir.resolve("simulation.html"), SimulationHtml.render(outcomes, title));
    }
}
