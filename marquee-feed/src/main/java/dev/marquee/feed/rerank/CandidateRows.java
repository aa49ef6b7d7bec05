package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.features.VideoFeatureBatch;

/** Checks that a candidate was hydrated into the request's column batch before a component reads its row. */
final class CandidateRows {
    private CandidateRows() {
    }

    static int row(Candidate c, VideoFeatureBatch videos, ComponentId reader) {
        int row = c.row();
        if (row < 0 || row >= videos.size() || videos.video(row) != c.video()) {
            throw new IllegalStateException(reader + ": candidate video " + c.video() + " has row " + row
                    + ", not hydrated in the request's video batch (size " + videos.size() + ")");
        }
        return row;
    }
}
