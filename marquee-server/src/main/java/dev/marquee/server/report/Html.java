package dev.marquee.server.report;

import java.util.Locale;

/** HTML text helpers: escaping and number cells. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A number cell with 4 decimals, "n/a" for a non-finite value. */
    static String cell(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "<td>%.4f</td>", v) : "<td>n/a</td>";
    }
}
