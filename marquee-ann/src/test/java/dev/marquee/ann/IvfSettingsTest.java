package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IvfSettingsTest {

  @Test
  void defaults_areValid_andReachIndexConfig() {
    assertThat(IndexConfig.defaults().ivf()).isEqualTo(IvfSettings.defaults());
    assertThat(IvfSettings.defaults().probes()).isLessThanOrEqualTo(IvfSettings.defaults().lists());
  }

  @Test
  void listsFor_keepsListsAtLeastMinListSizeOnAverage() {
    IvfSettings settings = IvfSettings.defaults();
    assertThat(settings.listsFor(1_000_000)).isEqualTo(2048);
    assertThat(settings.listsFor(200_000)).isEqualTo(500);
    assertThat(settings.listsFor(10)).isEqualTo(1);
    assertThat(settings.listsFor(0)).isEqualTo(1);
  }

  @Test
  void badValues_areRejectedByName() {
    assertThatThrownBy(() -> IvfSettings.defaults().withMinListSize(0))
        .hasMessageContaining("ivf minListSize must be >= 1, got 0");
    assertThatThrownBy(() -> IvfSettings.defaults().withLists(0, 1))
        .hasMessageContaining("ivf lists must be >= 1, got 0");
    assertThatThrownBy(() -> IvfSettings.defaults().withLists(64, 65))
        .hasMessageContaining("probes must be <= lists, got probes 65 with lists 64");
    assertThatThrownBy(() -> IvfSettings.defaults().withProbes(0))
        .hasMessageContaining("ivf probes must be >= 1, got 0");
    assertThatThrownBy(() -> IvfSettings.defaults().withRerankDepth(0))
        .hasMessageContaining("ivf rerankDepth must be >= 1, got 0");
    assertThatThrownBy(() -> IvfSettings.defaults().withTraining(100, 10, 1))
        .hasMessageContaining("trainingSample must be >= lists");
    assertThatThrownBy(() -> IvfSettings.defaults().withLists(1 << 17, 10))
        .hasMessageContaining("lists must be <= 65536");
    assertThatThrownBy(() -> IndexConfig.defaults().withIvf(null)).hasMessageContaining("ivf");
  }
}
