package io.harpou.bridge.vertx.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.task.impl.TimerPhrases;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TimerPhrasesTest {

  @Test
  void should_read_english_and_french_timers() {
    assertThat(TimerPhrases.parse("Set a timer for 5 minutes").orElseThrow().duration())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(TimerPhrases.parse("set a 1 hour 30 minute timer").orElseThrow().duration())
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(TimerPhrases.parse("Mets un minuteur de dix minutes").orElseThrow().duration())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(TimerPhrases.parse("minuteur 45 secondes").orElseThrow().duration())
        .isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void should_read_reminders_with_their_message_in_its_original_case() {
    TimerPhrases.Request in = TimerPhrases.parse("Remind me in 10 minutes to call Bob.").orElseThrow();
    assertThat(in.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(in.message()).isEqualTo("call Bob");
    TimerPhrases.Request at = TimerPhrases.parse("remind me at 7:30 pm to feed the cat").orElseThrow();
    assertThat(at.at()).isEqualTo(LocalTime.of(19, 30));
    TimerPhrases.Request fr = TimerPhrases.parse("Rappelle-moi à 7h de sortir la poubelle").orElseThrow();
    assertThat(fr.at()).isEqualTo(LocalTime.of(7, 0));
    assertThat(fr.message()).isEqualTo("sortir la poubelle");
  }

  @Test
  void should_leave_other_sentences_alone() {
    assertThat(TimerPhrases.parse("turn on the kitchen light")).isEmpty();
    assertThat(TimerPhrases.parse("cancel my timer")).isEmpty();
    assertThat(TimerPhrases.parse("what is a timer")).isEmpty();
    assertThat(TimerPhrases.say(Duration.ofSeconds(3725), false)).isEqualTo("1 hour 2 minutes 5 seconds");
  }
}
