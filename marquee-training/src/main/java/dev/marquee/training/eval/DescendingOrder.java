package dev.marquee.training.eval;

/**
 * Indices of an int score array ordered by score, highest first, ties broken by the lower index: the one
 * deterministic tie rule every baseline policy uses, so two runs (and two policies) never differ by tie order.
 */
final class DescendingOrder {
    private DescendingOrder() {
    }

    static int[] of(int[] scores) {
        long[] keyed = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            // descending score in the high bits, ascending index in the low bits
            keyed[i] = ((long) (Integer.MAX_VALUE - Math.max(0, scores[i])) << 32) | i;
        }
        java.util.Arrays.sort(keyed);
        int[] order = new int[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }
}
