package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexConfigTest {

  @Test
  void defaults_matchTheTwoTowerEmbedding() {
    IndexConfig config = IndexConfig.defaults();
    assertThat(config.dimension()).isEqualTo(64);
    assertThat(config.efSearch()).isGreaterThanOrEqualTo(500);
    assertThat(config.encoding()).isEqualTo(IndexConfig.VectorEncoding.FLOAT32);
  }

  @Test
  void invalidValues_areRejectedByName() {
    assertThatThrownBy(() -> IndexConfig.defaults().withEfSearch(0))
        .hasMessageContaining("efSearch must be >= 1, got 0");
    assertThatThrownBy(() -> IndexConfig.defaults().withGraph(1_000, 100))
        .hasMessageContaining("maxConn <= 512");
    assertThatThrownBy(() -> IndexConfig.defaults().withDeltaRebuildThreshold(0))
        .hasMessageContaining("deltaRebuildThreshold");
  }
}
