package io.harpou.bridge.vertx.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.memory.LabelledRecallSet.Score;
import io.harpou.bridge.vertx.memory.MemoryOptions.RecallMode;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recall quality on the {@link LabelledRecallSet}: precision at 1 and 3 is printed for each mode. */
class RecallQualityTest extends MemoryTestSupport {

  @Test
  void should_rank_better_with_hybrid_recall_than_with_either_half_alone() {
    Map<RecallMode, Score> scores = new EnumMap<>(RecallMode.class);
    for (RecallMode mode : RecallMode.values()) {
      scores.put(mode, evaluate(mode));
      closeAll();
    }
    scores.forEach((mode, s) -> System.out.printf("recall %-8s precision@1 = %.2f, precision@3 = %.2f (%d questions)%n",
        mode.name().toLowerCase(), s.at1(), s.at3(), LabelledRecallSet.QUESTIONS.size()));

    Score hybrid = scores.get(RecallMode.HYBRID);
    Score lexical = scores.get(RecallMode.LEXICAL);
    Score semantic = scores.get(RecallMode.SEMANTIC);
    assertThat(hybrid.at3()).isGreaterThan(lexical.at3()).isGreaterThan(semantic.at3());
    assertThat(hybrid.at1()).isGreaterThan(lexical.at1()).isGreaterThanOrEqualTo(semantic.at1());
    assertThat(hybrid.at1()).isGreaterThanOrEqualTo(0.8);
  }

  private Score evaluate(RecallMode mode) {
    return LabelledRecallSet.evaluate(open(new MemoryOptions().setRecallMode(mode)), mode.name().toLowerCase());
  }
}
