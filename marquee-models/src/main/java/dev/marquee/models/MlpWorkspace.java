package dev.marquee.models;

import java.util.Arrays;

/**
 * Scratch buffers reused across forward passes so a batch allocates nothing once warmed up. Slots 0
 * and 1 belong to {@link DenseMlp#forward}; callers keep their own activations in slots 2 and up. Not
 * thread-safe: one per thread, or one taken from a pool per call.
 */
public final class MlpWorkspace {
    private float[][] buffers = new float[8][];
    private int[][] ints = new int[2][];

    /** Buffer {@code slot} with room for at least {@code size} floats; its contents are garbage. */
    public float[] buffer(int slot, int size) {
        if (slot < 0 || slot > 63) {
            throw new IllegalArgumentException("workspace slot must be in [0, 63], got " + slot);
        }
        if (slot >= buffers.length) {
            buffers = Arrays.copyOf(buffers, 64);
        }
        float[] b = buffers[slot];
        if (b == null || b.length < size) {
            b = new float[Math.max(size, b == null ? 0 : b.length + (b.length >> 1))];
            buffers[slot] = b;
        }
        return b;
    }

    /** Int buffer {@code slot} (a separate namespace from the float slots) with room for {@code size} ints. */
    public int[] ints(int slot, int size) {
        if (slot < 0 || slot > 7) {
            throw new IllegalArgumentException("workspace int slot must be in [0, 7], got " + slot);
        }
        if (slot >= ints.length) {
            ints = Arrays.copyOf(ints, 8);
        }
        int[] b = ints[slot];
        if (b == null || b.length < size) {
            b = new int[Math.max(size, b == null ? 0 : b.length + (b.length >> 1))];
            ints[slot] = b;
        }
        return b;
    }
}
