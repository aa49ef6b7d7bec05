package dev.marquee.training.ranker;

import dev.marquee.feed.ranking.RankerFeatureSchema;
import dev.marquee.models.ranker.FeatureSchema;
import dev.marquee.models.ranker.RankerDataset;
import dev.marquee.models.ranker.RankerHeads;
import dev.marquee.training.join.TrainingExample;
import java.util.Arrays;

/**
 * Training rows in growable primitive columns: the ranker row ({@link RankerFeatureSchema} layout, with the
 * logged position written into the position column — see the schema's PAL note), three labels, the
 * impression time and a dense request index (rows of one request are ranked together by NDCG). Rows
 * are appended in time order by the builders. Not thread-safe.
 */
public final class ExampleTable {
    private final FeatureSchema schema;
    private final int width;
    private float[] features;
    private float[] labels;
    private long[] times;
    private int[] requests;
    private int rows;

    public ExampleTable(FeatureSchema schema, int initialRows) {
        this.schema = schema;
        this.width = schema.width();
        int n = Math.max(16, initialRows);
        features = new float[n * width];
        labels = new float[n * RankerHeads.COUNT];
        times = new long[n];
        requests = new int[n];
    }

    /** Appends a joined example whose impression was scored; returns false (nothing added) when it was not. */
    public boolean add(TrainingExample e, int request) {
        if (!e.impression().scored()) {
            return false;
        }
        if (e.impression().features().length != width) {
            throw new IllegalArgumentException("example has " + e.impression().features().length
                    + " features, the table's schema " + width);
        }
        add(e.impression().features(), 0, e.impression().position(), e.impression().timeMillis(), request,
                e.click(), e.watch30(), e.share());
        return true;
    }

    /** Appends a row copied from {@code src[from..from+width)}, with {@code position} in the position column. */
    public void add(float[] src, int from, int position, long time, int request, boolean click, boolean watch, boolean share) {
        if (rows == times.length) {
            int n = rows * 2;
            features = Arrays.copyOf(features, n * width);
            labels = Arrays.copyOf(labels, n * RankerHeads.COUNT);
            times = Arrays.copyOf(times, n);
            requests = Arrays.copyOf(requests, n);
        }
        System.arraycopy(src, from, features, rows * width, width);
        features[rows * width + RankerFeatureSchema.POSITION] = position;
        int l = rows * RankerHeads.COUNT;
        labels[l + RankerHeads.CLICK] = click ? 1f : 0f;
        labels[l + RankerHeads.WATCH_30S] = watch ? 1f : 0f;
        labels[l + RankerHeads.SHARE] = share ? 1f : 0f;
        times[rows] = time;
        requests[rows] = request;
        rows++;
    }

    public FeatureSchema schema() {
        return schema;
    }

    public int rows() {
        return rows;
    }

    public long time(int row) {
        return times[row];
    }

    public int request(int row) {
        return requests[row];
    }

    public float label(int row, int head) {
        return labels[row * RankerHeads.COUNT + head];
    }

    /** One feature value of a row (column as laid out by {@link #schema()}). */
    public float feature(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= width) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows + ", column " + column + " of " + width);
        }
        return features[row * width + column];
    }

    /** Read-only view of row-major features (length ≥ rows × width). */
    float[] featuresArray() {
        return features;
    }

    /** Number of rows with time &lt; {@code millis} (rows are in time order). */
    public int rowsBefore(long millis) {
        int lo = 0, hi = rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Rows [from, to) as a dataset (copied). */
    public RankerDataset dataset(int from, int to) {
        return new RankerDataset(schema, to - from, Arrays.copyOfRange(features, from * width, to * width),
                Arrays.copyOfRange(labels, from * RankerHeads.COUNT, to * RankerHeads.COUNT));
    }

    /** Every {@code stride}-th row of [from, to), for a cheaper training set (copied). */
    public RankerDataset sample(int from, int to, int stride) {
        int n = (to - from + stride - 1) / stride;
        float[] x = new float[n * width];
        float[] y = new float[n * RankerHeads.COUNT];
        for (int i = 0; i < n; i++) {
            int r = from + i * stride;
            System.arraycopy(features, r * width, x, i * width, width);
            System.arraycopy(labels, r * RankerHeads.COUNT, y, i * RankerHeads.COUNT, RankerHeads.COUNT);
        }
        return new RankerDataset(schema, n, x, y);
    }
}
