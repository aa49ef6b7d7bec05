package dev.marquee.ann;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostingListTest {

  private static final int D = 3;

  private static byte[] code(int i) {
    return new byte[] {(byte) i, (byte) (i + 1), (byte) -i};
  }

  private static byte[] codeAt(PostingList list, int position) {
    byte[] out = new byte[D];
    int base = position / PostingList.BLOCK * PostingList.BLOCK * D + position % PostingList.BLOCK;
    for (int j = 0; j < D; j++) {
      out[j] = list.codes()[base + j * PostingList.BLOCK];
    }
    return out;
  }

  @Test
  void withAppended_keepsEveryCode_andCopiesOnWrite() {
    PostingList list = PostingList.empty(D);
    for (int i = 0; i < 70; i++) {
      list = list.withAppended(100 + i, code(i));
    }
    PostingList before = list;
    PostingList after = list.withAppended(999, code(99));
    assertThat(before.size()).isEqualTo(70);
    assertThat(after.size()).isEqualTo(71);
    for (int i = 0; i < 70; i++) {
      assertThat(after.row(i)).isEqualTo(100 + i);
      assertThat(codeAt(after, i)).containsExactly(code(i));
    }
    assertThat(after.codes().length).isEqualTo(3 * PostingList.BLOCK * D);
  }

  @Test
  void without_movesTheLastEntryIntoTheHole_andClearsTheTail() {
    PostingList list = PostingList.empty(D);
    for (int i = 0; i < 40; i++) {
      list = list.withAppended(i, code(i));
    }
    PostingList removed = list.without(5);
    assertThat(removed.size()).isEqualTo(39);
    assertThat(removed.row(5)).isEqualTo(39);
    assertThat(codeAt(removed, 5)).containsExactly(code(39));
    assertThat(codeAt(removed, 39)).containsExactly(0, 0, 0);
    assertThat(removed.indexOf(39)).isEqualTo(5);
    assertThat(removed.indexOf(5)).isEqualTo(-1);
    assertThat(list.row(5)).isEqualTo(5);
  }
}
