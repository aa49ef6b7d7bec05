package dev.marquee.models.ranker;

/**
 * Feature rows split for the PyTorch path: standardised numeric columns ({@code rows × numericCount})
 * and one id array per categorical field.
 */
record RankerInputs(int rows, float[] numeric, int[][] ids) {

    static RankerInputs of(RankerSpec spec, float[] features, int[] order, int from, int to) {
        FeatureSchema schema = spec.schema();
        int rows = to - from, n = schema.numericCount(), w = schema.width(), c = schema.categorical().size();
        float[] numeric = new float[rows * n];
        int[][] ids = new int[c][rows];
        for (int i = 0; i < rows; i++) {
            int src = (order == null ? from + i : order[from + i]) * w;
            for (int k = 0; k < n; k++) {
                numeric[i * n + k] = spec.normalizer().apply(k, features[src + k]);
            }
            for (int k = 0; k < c; k++) {
                ids[k][i] = (int) features[src + n + k];
            }
        }
        return new RankerInputs(rows, numeric, ids);
    }

    static float[] labels(float[] labels, int[] order, int from, int to) {
        float[] out = new float[(to - from) * RankerHeads.COUNT];
        for (int i = from; i < to; i++) {
            int src = order == null ? i : order[i];
            System.arraycopy(labels, src * RankerHeads.COUNT, out, (i - from) * RankerHeads.COUNT, RankerHeads.COUNT);
        }
        return out;
    }
}
