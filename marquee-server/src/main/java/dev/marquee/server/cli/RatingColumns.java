package dev.marquee.server.cli;

import java.util.Arrays;

/** Parsed ratings in growable primitive columns (≈ 20 bytes a rating): user and item indexes, rating, epoch seconds. */
final class RatingColumns {
    static final int MAX_ROWS = 1 << 25;

    private int[] userOf = new int[1024], itemOf = new int[1024];
    private float[] rating = new float[1024];
    private long[] seconds = new long[1024];
    private int rows;

    void add(int user, int item, float r, long t) {
        if (rows == seconds.length) {
            if (rows == MAX_ROWS) {
                throw new IllegalStateException("more than " + MAX_ROWS + " ratings: split the file");
            }
            userOf = Arrays.copyOf(userOf, rows * 2);
            itemOf = Arrays.copyOf(itemOf, rows * 2);
            rating = Arrays.copyOf(rating, rows * 2);
            seconds = Arrays.copyOf(seconds, rows * 2);
        }
        userOf[rows] = user;
        itemOf[rows] = item;
        rating[rows] = r;
        seconds[rows++] = t;
    }

    int rows() {
        return rows;
    }

    int userOf(int row) {
        return userOf[row];
    }

    int itemOf(int row) {
        return itemOf[row];
    }

    float rating(int row) {
        return rating[row];
    }

    long seconds(int row) {
        return seconds[row];
    }
}
