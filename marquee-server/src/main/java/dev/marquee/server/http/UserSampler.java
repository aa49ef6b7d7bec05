package dev.marquee.server.http;

import dev.marquee.features.FeatureStore;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@code GET /v1/users/sample?n=10}: a few known user ids, so the demo page can pick a real user. */
public final class UserSampler implements Handler {
    private final FeatureStore store;
    private final Json out;

    public UserSampler(FeatureStore store, Json out) {
        this.store = store;
        this.out = out;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        QueryParams.allowOnly(req, java.util.Set.of("n"));
        int n = FeedHandler.intParam(req, "n", 10, 1, 100);
        int users = store.users().size();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < Math.min(n, users); i++) {
            ids.add(store.users().external(ThreadLocalRandom.current().nextInt(users)));
        }
        out.send(res, 200, ids);
    }
}
