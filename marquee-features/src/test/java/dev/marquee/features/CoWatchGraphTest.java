package dev.marquee.features;

import static dev.marquee.features.EventFixtures.MINUTE;
import static dev.marquee.features.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoWatchGraphTest {
    private final EventFixtures ev = new EventFixtures();
    private final InMemoryFeatureStore store = new InMemoryFeatureStore(FeatureStoreConfig.defaults());

    @Test
    void hub_neverHoldsMoreThan100Neighbours_andKeepsItsHeavyHitters() {
        List<Event> events = new ArrayList<>();
        Random rnd = new Random(3);
        long t = T0;
        for (int session = 0; session < 4000; session++) {
            String user = "u" + session;
            t += MINUTE;
            events.add(ev.view(user, "hub", t, 60));
            // 20% of sessions also watch one of 3 strong partners, every session watches a random long-tail video
            if (rnd.nextInt(5) == 0) {
                events.add(ev.view(user, "strong" + rnd.nextInt(3), t + 1000, 60));
            }
            events.add(ev.view(user, "tail" + rnd.nextInt(3000), t + 2000, 60));
        }
        store.apply(ev.records(events));
        int hub = store.videos().find("hub");
        NeighbourBatch nb = new NeighbourBatch(1, 100);
        store.coWatch(new int[] {hub}, 1, 100, t, nb);
        assertThat(nb.count(0)).isEqualTo(100);
        List<String> top3 = List.of(store.videos().external(nb.neighbour(0, 0)), store.videos().external(nb.neighbour(0, 1)),
                store.videos().external(nb.neighbour(0, 2)));
        assertThat(top3).containsExactlyInAnyOrder("strong0", "strong1", "strong2");
        for (int j = 1; j < nb.count(0); j++) {
            assertThat(nb.weight(0, j)).isLessThanOrEqualTo(nb.weight(0, j - 1));
        }
        assertThat(store.stats().coWatchEdges()).isLessThanOrEqualTo(100L * store.videos().size());
    }

    @Test
    void pairsNeedTwoLongViewsOfTheSameUserWithinTheWindow() {
        store.apply(ev.records(ev.view("a", "x", T0, 60), ev.view("a", "y", T0 + 31 * MINUTE, 60),
                ev.view("b", "x", T0, 60), ev.view("b", "z", T0 + MINUTE, 10),
                ev.view("c", "x", T0, 60), ev.view("d", "w", T0, 60)));
        NeighbourBatch nb = new NeighbourBatch(1, 10);
        store.coWatch(new int[] {store.videos().find("x")}, 1, 10, T0, nb);
        assertThat(nb.count(0)).isZero();
    }

    @Test
    void rewatch_doesNotDoubleCountAPair() {
        store.apply(ev.records(ev.view("a", "x", T0, 60), ev.view("a", "y", T0 + MINUTE, 60),
                ev.view("a", "x", T0 + 2 * MINUTE, 60), ev.view("a", "z", T0 + 3 * MINUTE, 60)));
        NeighbourBatch nb = new NeighbourBatch(1, 10);
        store.coWatch(new int[] {store.videos().find("z")}, 1, 10, T0 + 3 * MINUTE, nb);
        assertThat(nb.count(0)).isEqualTo(2);
        assertThat(nb.weight(0, 0)).isEqualTo(1.0);
        assertThat(nb.weight(0, 1)).isEqualTo(1.0);
    }
}
