package dev.marquee.feed.rerank;

import dev.marquee.core.Candidate;
import dev.marquee.core.ComponentId;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.Filter;
import dev.marquee.core.FilterResult;
import dev.marquee.core.IdDictionary;
import dev.marquee.feed.FeedFeatures;
import dev.marquee.features.UserFeatures;
import dev.marquee.features.VideoFeatureBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Policy removals: blocked videos and creators (from a reloadable {@link BlockList}), videos shorter than
 * {@link RerankConfig#minDurationSeconds()} or without metadata, and videos in another language than the
 * user's once the user's language is known (videos of unknown language are kept). Reads the hydrated
 * {@link FeedFeatures#VIDEOS} columns, so it must run after candidate hydration.
 */
public final class BusinessRulesFilter implements Filter {
    public static final ComponentId ID = ComponentId.of("business-rules");

    private final BlockList blocks;
    private final IdDictionary languages;
    private final int minDurationSeconds;
    private final boolean requireLanguageMatch;

    /** {@code languages} is the feature store's language dictionary (user languages are its external ids). */
    public BusinessRulesFilter(RerankConfig config, BlockList blocks, IdDictionary languages) {
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.minDurationSeconds = config.minDurationSeconds();
        this.requireLanguageMatch = config.requireLanguageMatch();
    }

    @Override
    public ComponentId id() {
        return ID;
    }

    @Override
    public FilterResult apply(FeedQuery query, List<Candidate> candidates) {
        VideoFeatureBatch videos = query.features().get(FeedFeatures.VIDEOS);
        UserFeatures user = query.features().get(FeedFeatures.USER);
        int userLanguage = requireLanguageMatch && user.language() != null ? languages.find(user.language()) : -1;
        BlockedIds blocked = blocks.current();
        boolean checkBlocks = !blocked.isEmpty();
        List<Candidate> kept = new ArrayList<>(candidates.size());
        List<Candidate> removed = new ArrayList<>();
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Candidate c = candidates.get(i);
            int row = CandidateRows.row(c, videos, ID);
            String reason = null;
            if (!videos.hasMetadata(row)) {
                reason = "no metadata";
            } else if (checkBlocks && blocked.blocksVideo(c.video())) {
                reason = "blocked video";
            } else if (checkBlocks && blocked.blocksCreator(videos.creator(row))) {
                reason = "blocked creator";
            } else if (videos.durationSeconds(row) < minDurationSeconds) {
                reason = "duration";
            } else if (userLanguage >= 0 && videos.language(row) >= 0 && videos.language(row) != userLanguage) {
                reason = "language";
            }
            if (reason == null) {
                kept.add(c);
            } else {
                removed.add(c);
                if (query.explain()) {
                    c.decide(ID + ": removed, " + reason);
                }
            }
        }
        return new FilterResult(kept, removed);
    }
}
