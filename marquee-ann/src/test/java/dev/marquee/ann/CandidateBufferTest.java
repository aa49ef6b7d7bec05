package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CandidateBufferTest {

  @Property(tries = 200)
  void best_holdsTheTopDepthScores(
      @ForAll @Size(max = 400) List<@FloatRange(min = -1, max = 1) Float> scores,
      @ForAll @IntRange(min = 1, max = 50) int depth) {
    CandidateBuffer buffer = new CandidateBuffer(depth);
    for (int row = 0; row < scores.size(); row++) {
      if (buffer.wouldAccept(scores.get(row))) {
        buffer.add(row, scores.get(row));
      }
    }
    float[] kept = new float[buffer.best().length];
    int[] rows = buffer.best();
    for (int i = 0; i < rows.length; i++) {
      kept[i] = scores.get(rows[i]);
    }
    float[] expected = new float[scores.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = scores.get(i);
    }
    Arrays.sort(expected);
    float[] topExpected = Arrays.copyOfRange(
        expected, Math.max(0, expected.length - depth), expected.length);
    Arrays.sort(kept);
    assertThat(kept).containsExactly(topExpected);
    assertThat(Arrays.stream(rows).distinct().count()).isEqualTo(rows.length);
  }
}
