package dev.marquee.models.text;

import java.util.List;

/** The text of a video the encoder reads: its title and tags (tags may be empty). */
public record VideoText(String title, List<String> tags) {

    public VideoText {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a video title must be non-blank");
        }
        tags = List.copyOf(tags);
    }

    /** "title. tag1, tag2" — the string that is encoded and the cache key. */
    String asText() {
        return tags.isEmpty() ? title.strip() : title.strip() + ". " + String.join(", ", tags);
    }
}
