package dev.marquee.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventIdWindowTest {
    /** The specification: a FIFO of the last {@code capacity} first sightings, as a set. */
    private static final class Reference {
        private final int capacity;
        private final ArrayDeque<Long> ring = new ArrayDeque<>();
        private final Set<Long> present = new HashSet<>();

        Reference(int capacity) {
            this.capacity = capacity;
        }

        boolean firstSighting(String id) {
            long h = EventIdWindow.hash(id);
            if (!present.add(h)) {
                return false;
            }
            if (ring.size() == capacity) {
                present.remove(ring.removeFirst());
            }
            ring.addLast(h);
            return true;
        }
    }

    @Test
    void matchesTheReference_throughGrowthEvictionsAndRepeats() {
        for (int capacity : new int[] {1, 2, 7, 64, 1_000, 50_000}) {
            EventIdWindow window = new EventIdWindow(capacity);
            Reference reference = new Reference(capacity);
            SplittableRandom random = new SplittableRandom(capacity);
            int space = Math.max(4, capacity * 2); // ids repeat within and beyond the window
            for (int i = 0; i < 20 * capacity + 1_000; i++) {
                String id = "e" + random.nextInt(space);
                assertThat(window.firstSighting(id)).as("capacity %d, event %d (%s)", capacity, i, id)
                        .isEqualTo(reference.firstSighting(id));
            }
        }
    }

    @Test
    void aRestoredWindow_behavesLikeTheOriginal() throws IOException {
        for (int fill : new int[] {0, 3, 40_000, 100_000}) {
            int capacity = 65_536;
            EventIdWindow original = new EventIdWindow(capacity);
            SplittableRandom random = new SplittableRandom(fill);
            for (int i = 0; i < fill; i++) {
                original.firstSighting("e" + random.nextInt(3 * capacity));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.writeTo(new DataOutputStream(bytes));
            EventIdWindow restored = new EventIdWindow(capacity);
            restored.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            for (int i = 0; i < 200_000; i++) {
                String id = "e" + random.nextInt(3 * capacity);
                assertThat(restored.firstSighting(id)).as("fill %d, event %d", fill, i)
                        .isEqualTo(original.firstSighting(id));
            }
        }
    }
}
