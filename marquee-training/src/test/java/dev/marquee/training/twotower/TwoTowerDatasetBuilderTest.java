package dev.marquee.training.twotower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.events.LogRecord;
import dev.marquee.features.InMemoryFeatureStore;
import dev.marquee.feed.hydration.UserTowerInputs;
import dev.marquee.feed.retrieval.TextVectorStore;
import dev.marquee.models.twotower.TwoTowerShape;
import dev.marquee.models.twotower.UserFeatureBatch;
import dev.marquee.events.Interaction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoTowerDatasetBuilderTest {
    SmallWorld small;
    TextVectorStore textStore;
    TwoTowerDatasets data;
    TwoTowerJobConfig config = SmallWorld.jobConfig();

    @BeforeAll
    void build() throws Exception {
        small = SmallWorld.get();
        textStore = small.openTextStore();
        data = new TwoTowerDatasetBuilder(config).build(small.log, small.texts(textStore), TwoTowerJobListener.NONE);
        System.out.printf("small world: %d train, %d validation examples, %d holdout users, %d videos, replay %s, text %s%n",
                data.train().size(), data.validation().size(), data.holdout().userCount(), data.roster().size(),
                data.replayTime(), data.textTime());
    }

    @AfterAll
    void close() throws Exception {
        textStore.close();
    }

    @Test
    void split_isByEventTime_andTheHoldoutIsTheLastDay() {
        assertThat(data.cutoffMillis()).isEqualTo(SmallWorld.START + 2 * TwoTowerJobConfig.DAY);
        assertThat(data.trainEndMillis()).isEqualTo(data.cutoffMillis() - config.validationMillis());
        assertThat(Arrays.stream(data.trainOrigins().times()).boxed()).allMatch(t -> t < data.trainEndMillis());
        assertThat(Arrays.stream(data.validationOrigins().times()).boxed()).allMatch(t -> t >= data.trainEndMillis() && t < data.cutoffMillis());
        assertThat(data.holdout().userCount()).isPositive();
        long lastTrainedOffset = Math.max(Arrays.stream(data.trainOrigins().offsets()).max().orElseThrow(),
                Arrays.stream(data.validationOrigins().offsets()).max().orElseThrow());
        assertThat(lastTrainedOffset).isLessThan(data.trainedOffsetEnd());
        long firstHoldout = small.log.read(data.trainedOffsetEnd(), 1).getFirst().event().timestamp();
        assertThat(firstHoldout).isGreaterThanOrEqualTo(data.cutoffMillis());
    }

    @Test
    void examples_readFeaturesFromStrictlyBeforeTheirOwnEvent() {
        for (ExampleOrigins o : List.of(data.trainOrigins(), data.validationOrigins())) {
            for (int i = 0; i < o.size(); i++) {
                assertThat(o.featureOffsets()[i]).isLessThan(o.offsets()[i]);
                assertThat(o.newestHistoryTimes()[i]).isLessThanOrEqualTo(o.times()[i]);
            }
        }
    }

    /** Rebuilds sampled examples' user inputs from an independent replay of exactly the records before each one. */
    @Test
    void userInputs_equalAnIndependentReplayUpToTheEventBefore() {
        ExampleOrigins o = data.trainOrigins();
        TwoTowerShape shape = config.model().shape();
        InMemoryFeatureStore store = new InMemoryFeatureStore(config.features());
        UserTowerInputs inputs = new UserTowerInputs(shape, shape.videoIds(), store.videos(), config.weighting());
        UserFeatureBatch built = data.train().users();
        int h = shape.historyLength(), checked = 0, withHistory = 0;
        long next = 0;
        for (int i = 0; i < o.size(); i += Math.max(1, o.size() / 60)) {
            long offset = o.offsets()[i];
            if (offset > next) {
                store.apply(small.log.read(next, (int) (offset - next)));
                next = offset;
            }
            LogRecord own = small.log.read(offset, 1).getFirst();
            assertThat(own.event().timestamp()).isEqualTo(o.times()[i]);
            UserFeatureBatch expected = inputs.of(store.user(((Interaction) own.event()).userId(), o.times()[i]));
            assertThat(Arrays.copyOfRange(built.historyVideos(), i * h, (i + 1) * h)).isEqualTo(expected.historyVideos());
            assertThat(Arrays.copyOfRange(built.historyWeights(), i * h, (i + 1) * h)).isEqualTo(expected.historyWeights());
            assertThat(built.hourOfDay()[i]).isEqualTo(expected.hourOfDay()[0]);
            checked++;
            withHistory += expected.historyWeights()[0] > 0 ? 1 : 0;
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(withHistory).as("sampled examples with a non-empty history").isGreaterThan(10);
    }

    @Test
    void clickAndLongViewOfOneImpression_areOneExample() {
        ExampleOrigins o = data.trainOrigins();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < o.size(); i++) {
            Interaction e = (Interaction) small.log.read(o.offsets()[i], 1).getFirst().event();
            assertThat(keys.add(e.userId() + "|" + e.videoId() + "|" + e.requestId())).as("duplicate positive at offset %d", o.offsets()[i]).isTrue();
        }
    }

    @Test
    void holdoutVideos_neverAppearAsTrainingTargets() {
        for (int v : data.trainOrigins().videos()) {
            assertThat(data.roster().video(v).uploadedAt()).isLessThan(data.cutoffMillis());
        }
        assertThat(data.roster().videos()).anyMatch(v -> v.uploadedAt() >= data.cutoffMillis());
    }
}
