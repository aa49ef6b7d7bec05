package dev.marquee.models.ranker;

/** The ranker's outputs, in the order they appear in every row of labels and predictions. */
public final class RankerHeads {
    public static final int CLICK = 0;
    public static final int WATCH_30S = 1;
    public static final int SHARE = 2;
    public static final int COUNT = 3;

    private RankerHeads() {
    }
}
