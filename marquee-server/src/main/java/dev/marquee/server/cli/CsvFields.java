package dev.marquee.server.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 subset): comma-separated fields, a field wrapped in double quotes may hold
 * commas, and {@code ""} inside quotes is one quote. Multi-line quoted fields are not supported (the ratings
 * layouts never use them); an unterminated quote is an error.
 */
final class CsvFields {
    private CsvFields() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        out.add(field.toString());
        return out;
    }
}
