package io.harpou.bridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Utterance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class UlidTest {

  @Test
  void aUlidIsTwentySixCrockfordCharactersCarryingItsTime() {
    String id = Ulid.at(1_700_000_000_123L);

    assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(Ulid.time(id)).isEqualTo(1_700_000_000_123L);
    assertThat(Ulid.time(id.toLowerCase())).isEqualTo(1_700_000_000_123L);
  }

  @Test
  void theTimestampRangeEndsWhereTheSpecificationSays() {
    // The largest valid ULID is 7ZZZZZZZZZZZZZZZZZZZZZZZZZ: 48 bits of time, the top two of the 50 always zero.
    assertThat(Ulid.at(0)).startsWith("0000000000");
    assertThat(Ulid.at((1L << 48) - 1)).startsWith("7ZZZZZZZZZ");
    assertThat(Ulid.time("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isEqualTo((1L << 48) - 1);
  }

  @Test
  void laterIdsSortAfterEarlierOnesAndNoTwoAreAlike() {
    List<String> ids = new ArrayList<>();
    for (long t = 1_000; t < 1_000_000_000_000L; t *= 7) {
      ids.add(Ulid.at(t));
    }
    assertThat(ids).isSorted();
    HashSet<String> many = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(Ulid.next());
    }
    assertThat(many).hasSize(10_000);
  }

  @Test
  void malformedInputIsRefusedWithTheReason() {
    assertThatThrownBy(() -> Ulid.time("01ARZ3NDEK")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a ULID");
    assertThatThrownBy(() -> Ulid.time("01ARZ3NDEUTSV4RRFFQ69G5FAV")).hasMessageContaining("not a ULID");
    assertThatThrownBy(() -> Ulid.at(-1)).hasMessageContaining("2^48");
    assertThatThrownBy(() -> Ulid.at(1L << 48)).hasMessageContaining("2^48");
  }

  @Test
  void anUtteranceWithoutAConversationStartsOneNamedByAUlidOfNow() {
    long before = System.currentTimeMillis();
    String id = Utterance.of("turn on the kitchen light").conversationId();

    assertThat(Ulid.time(id)).isBetween(before, System.currentTimeMillis());
  }
}
