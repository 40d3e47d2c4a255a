package io.harpou.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void should_return_once_the_condition_holds() {
    AtomicInteger polls = new AtomicInteger();

    Await.until("the third poll", () -> polls.incrementAndGet() == 3);

    assertThat(polls).hasValue(3);
  }

  @Test
  void should_fail_naming_what_never_happened() {
    assertThatThrownBy(() -> Await.until("the light to turn on", Duration.ofMillis(50), () -> false))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the light to turn on");
  }

  @Test
  void should_end_the_wait_when_the_check_throws() {
    assertThatThrownBy(() -> Await.until("a socket", () -> {
      throw new IOException("refused");
    })).isInstanceOf(AssertionError.class).hasMessageContaining("a socket").hasRootCauseMessage("refused");
  }

  @Test
  void should_tell_whether_the_condition_held_in_time() {
    assertThat(Await.within(Duration.ofMillis(30), () -> false)).isFalse();
    assertThat(Await.within(Duration.ofMillis(30), () -> true)).isTrue();
  }

  @Test
  void should_return_the_first_value_found() {
    AtomicInteger polls = new AtomicInteger();

    String found = Await.value("a reply", Duration.ofSeconds(5), () -> polls.incrementAndGet() < 2 ? null : "hello");

    assertThat(found).isEqualTo("hello");
  }
}
