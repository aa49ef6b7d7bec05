package dev.marquee.feed.ranking;

import dev.marquee.core.Candidate;

/**
 * The feature rows and head predictions of one request's ranking pass, kept so the impression log records
 * exactly what the model saw. Row i belongs to the candidate whose hydration row is {@code hydrationRows[i]}.
 * Arrays are owned by this record (fresh per request: the log runs after the response, asynchronously).
 *
 * @param modelVersion version of the ranker that scored the rows
 * @param width        floats per row
 * @param rows         candidates scored
 * @param features     {@code rows × width}
 * @param heads        {@code rows × 3}
 * @param videos       dense video id of each row
 * @param rowIndex     ranker row of each hydration row, -1 when that hydration row was not scored
 */
public record RankerRows(String modelVersion, int width, int rows, float[] features, float[] heads, int[] videos,
                         int[] rowIndex) {

    /** The ranker row of {@code c}, or -1 when this pass did not score it. */
    public int indexOf(Candidate c) {
        int h = c.row();
        if (h < 0 || h >= rowIndex.length) {
            return -1;
        }
        int i = rowIndex[h];
        return i >= 0 && videos[i] == c.video() ? i : -1;
    }

    /** A copy of row {@code i}'s features. */
    public float[] featuresOf(int i) {
        return java.util.Arrays.copyOfRange(features, i * width, (i + 1) * width);
    }

    /** A copy of row {@code i}'s heads. */
    public float[] headsOf(int i) {
        return java.util.Arrays.copyOfRange(heads, i * 3, i * 3 + 3);
    }
}
