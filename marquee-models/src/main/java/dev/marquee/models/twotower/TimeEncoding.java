package dev.marquee.models.twotower;

/** Hour of day and day of week as points on circles, so 23:00 sits next to 00:00. */
final class TimeEncoding {
    static final int WIDTH = 4;

    private TimeEncoding() {
    }

    static void write(int hourOfDay, int dayOfWeek, float[] out, int offset) {
        double h = 2 * Math.PI * hourOfDay / 24.0;
        double d = 2 * Math.PI * dayOfWeek / 7.0;
        out[offset] = (float) Math.sin(h);
        out[offset + 1] = (float) Math.cos(h);
        out[offset + 2] = (float) Math.sin(d);
        out[offset + 3] = (float) Math.cos(d);
    }
}
