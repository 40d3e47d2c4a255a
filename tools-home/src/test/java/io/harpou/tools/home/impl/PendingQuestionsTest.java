package io.harpou.tools.home.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PendingQuestionsTest {

  private final AtomicLong now = new AtomicLong();
  private final PendingQuestions<String> pending = new PendingQuestions<>(3, 30, now::get);

  @Test
  void should_answer_once_within_the_window_in_the_same_conversation() {
    pending.put("c1", "which light");
    now.addAndGet(29);
    assertThat(pending.take("c2")).isNull();
    assertThat(pending.take("c1")).isEqualTo("which light");
    assertThat(pending.take("c1")).as("taken once").isNull();
  }

  @Test
  void should_forget_a_question_after_the_window() {
    pending.put("c1", "which light");
    now.addAndGet(31);
    assertThat(pending.take("c1")).isNull();
    assertThat(pending.size()).isZero();
  }

  @Test
  void should_keep_only_the_newest_questions_when_full() {
    for (int i = 0; i < 5; i++) {
      pending.put("c" + i, "q" + i);
    }
    assertThat(pending.size()).isEqualTo(3);
    assertThat(pending.take("c0")).isNull();
    assertThat(pending.take("c4")).isEqualTo("q4");
  }

  @Test
  void should_replace_the_question_of_a_conversation_and_ignore_missing_ids() {
    pending.put("c1", "first");
    pending.put("c1", "second");
    pending.put(null, "ignored");
    assertThat(pending.size()).isEqualTo(1);
    assertThat(pending.take("c1")).isEqualTo("second");
    assertThat(pending.take(null)).isNull();
    assertThatThrownBy(() -> new PendingQuestions<String>(0, 1, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
