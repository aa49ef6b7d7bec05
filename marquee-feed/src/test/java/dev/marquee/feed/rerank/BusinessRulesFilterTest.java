package dev.marquee.feed.rerank;

import static dev.marquee.feed.rerank.RerankWorld.DAY;
import static dev.marquee.feed.rerank.RerankWorld.HOUR;
import static dev.marquee.feed.rerank.RerankWorld.T0;
import static dev.marquee.feed.rerank.SeenVideosFilterTest.videos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.core.Candidate;
import dev.marquee.core.FeedQuery;
import dev.marquee.core.FilterResult;
import dev.marquee.features.VideoFeatureBatch;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessRulesFilterTest {
    private final RerankWorld w = new RerankWorld();
    private final BlockList blocks = BlockList.empty();
    private final BusinessRulesFilter filter = new BusinessRulesFilter(RerankConfig.defaults(), blocks, w.store.languages());

    BusinessRulesFilterTest() {
        w.append(List.of(
                w.video("a", "alice", "cooking", T0 - DAY, 120, "en"),
                w.video("b", "bob", "cooking", T0 - DAY, 120, "en"),
                w.video("b2", "bob", "music", T0 - DAY, 300, "en"),
                w.video("short", "carol", "music", T0 - DAY, 4, "en"),
                w.video("french", "dan", "music", T0 - DAY, 200, "fr"),
                w.video("silent", "erin", "music", T0 - DAY, 200, null)));
    }

    @Test
    void filter_removesShortVideos_andKeepsOtherLanguagesWhileTheUsersLanguageIsUnknown() {
        FilterResult r = run("newcomer", "a", "b", "short", "french", "silent");
        assertThat(videos(r.removed())).containsExactly(w.dense("short"));
        assertThat(r.removed().getFirst().decisions()).containsExactly("business-rules: removed, duration");
    }

    @Test
    void filter_removesOtherLanguages_onceTheUsersLanguageIsKnown_keepsUnknownLanguage() {
        w.append(List.of(w.view("anglo", "a", T0 - 3 * HOUR, 60), w.view("anglo", "b", T0 - 2 * HOUR, 60),
                w.view("anglo", "b2", T0 - HOUR, 60)));
        FilterResult r = run("anglo", "a", "french", "silent");
        assertThat(videos(r.removed())).containsExactly(w.dense("french"));
        assertThat(videos(r.kept())).containsExactly(w.dense("a"), w.dense("silent"));
    }

    @Test
    void blockList_replacedAtRuntime_takesEffectOnTheNextRequest() {
        assertThat(run("u", "a", "b", "b2").removed()).isEmpty();

        blocks.replace(BlockedIds.resolve(List.of("a"), List.of("bob"), w.store.videos(), w.store.creators()));

        FilterResult r = run("u", "a", "b", "b2", "french");
        assertThat(videos(r.kept())).containsExactly(w.dense("french"));
        assertThat(r.removed().get(0).decisions()).containsExactly("business-rules: removed, blocked video");
        assertThat(r.removed().get(1).decisions()).containsExactly("business-rules: removed, blocked creator");
    }

    @Test
    void videoBlockedBeforeItsUpload_isBlockedWhenItArrives() {
        blocks.replace(BlockedIds.resolve(List.of("later"), List.of(), w.store.videos(), w.store.creators()));
        w.append(List.of(w.video("later", "zed", "news", T0 - HOUR, 90, "en")));
        assertThat(run("u", "later", "a").removed()).extracting(Candidate::video).containsExactly(w.dense("later"));
    }

    @Test
    void videoWithoutMetadata_isRemoved() {
        int ghost = w.store.videos().intern("ghost");
        Candidate c = Candidate.from(ghost, "test", 1f);
        FeedQuery q = query("u", List.of(c));
        assertThat(filter.apply(q, List.of(c)).removed()).containsExactly(c);
        assertThat(c.decisions()).containsExactly("business-rules: removed, no metadata");
    }

    @Test
    void blockListFile_reloadsOnlyWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("blocks.txt");
        Files.writeString(file, "# moderation list\nvideo a\n\ncreator bob\n");
        BlockListFile source = new BlockListFile(file, blocks, w.store.videos(), w.store.creators());

        assertThat(source.reloadIfChanged()).isTrue();
        assertThat(source.reloadIfChanged()).isFalse();
        assertThat(videos(run("u", "a", "b", "french").kept())).containsExactly(w.dense("french"));

        Files.writeString(file, "video french\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        assertThat(source.reloadIfChanged()).isTrue();
        assertThat(videos(run("u", "a", "b", "french").kept())).containsExactly(w.dense("a"), w.dense("b"));
    }

    @Test
    void blockListFile_malformed_throwsWithLineAndKeepsTheCurrentList(@TempDir Path dir) throws Exception {
        blocks.replace(BlockedIds.resolve(List.of("a"), List.of(), w.store.videos(), w.store.creators()));
        Path file = dir.resolve("blocks.txt");
        Files.writeString(file, "video b\nchannel bob\n");
        BlockListFile source = new BlockListFile(file, blocks, w.store.videos(), w.store.creators());

        assertThatThrownBy(source::reloadIfChanged).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocks.txt:2: expected 'video <id>' or 'creator <id>', got 'channel bob'");
        assertThat(blocks.current().blocksVideo(w.dense("a"))).isTrue();
        assertThat(blocks.current().blocksVideo(w.dense("b"))).isFalse();
        BlockListFile missing = new BlockListFile(dir.resolve("absent.txt"), blocks, w.store.videos(), w.store.creators());
        assertThatThrownBy(missing::reloadIfChanged).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read block list");
    }

    @Test
    void candidateNotHydrated_failsWithAClearMessage() {
        Candidate hydrated = Candidate.from(w.dense("a"), "test", 1f);
        FeedQuery q = query("u", List.of(hydrated));
        Candidate stray = Candidate.from(w.dense("b"), "test", 1f);
        assertThatThrownBy(() -> filter.apply(q, List.of(hydrated, stray))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("business-rules: candidate video " + w.dense("b") + " has row -1, not hydrated");
    }

    private FilterResult run(String user, String... videoIds) {
        List<Candidate> cands = new ArrayList<>();
        for (String v : videoIds) {
            cands.add(Candidate.from(w.dense(v), "test", 1f));
        }
        return filter.apply(query(user, cands), cands);
    }

    private FeedQuery query(String user, List<Candidate> cands) {
        return w.query(user, 10, T0, 1L, true, cands, new VideoFeatureBatch(Math.max(1, cands.size())));
    }
}
