package dev.marquee.events;

import java.util.List;

/** Video metadata as uploaded; {@code uploadedAt} in epoch ms. */
public record Video(String videoId, String creatorId, String category, String title, List<String> tags,
                    int durationSeconds, long uploadedAt, String language) {
    public Video {
        tags = List.copyOf(tags);
    }
}
