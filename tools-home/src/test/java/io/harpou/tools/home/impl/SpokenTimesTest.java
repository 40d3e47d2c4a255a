package io.harpou.tools.home.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.timer.TimerLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lengths and clock times as said, in English and French, and the nearest-name suggestion for a misheard word. */
class SpokenTimesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10 minutes | 600", "ten minutes | 600", "an hour and a half | 5400", "1 hour 30 minutes | 5400",
      "90 seconds | 90", "half an hour | 1800", "a quarter of an hour | 900", "two and a half minutes | 150",
      "une heure et demie | 5400", "dix minutes | 600", "1h30 | 5400", "quarante-cinq secondes | 45",
      "un quart d'heure | 900", "deux heures | 7200", "5 min | 300"})
  void should_read_a_length_as_said(String said, long seconds) {
    TimerLength length = DurationWords.parse(said);
    assertThat(length).as(said).isNotNull();
    assertThat(length.totalSeconds()).as(said).isEqualTo(seconds);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"the kitchen", "minutes", "dix", "ten apples"})
  void should_not_read_a_length_in_what_is_not_one(String said) {
    TimerLength length = DurationWords.parse(said);
    assertThat(length == null || length.totalSeconds() <= 0).as(said).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "7 pm | 19:00", "7:30 pm | 19:30", "8:30 | 08:30", "19h30 | 19:30", "12 am | 00:00", "sept heures | 07:00",
      "7 o'clock | 07:00", "21 h | 21:00"})
  void should_read_a_clock_time_as_said(String said, String time) {
    assertThat(ClockWords.parse(said)).as(said).isEqualTo(time);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"25:00", "the evening", "7:75"})
  void should_not_read_a_clock_time_in_what_is_not_one(String said) {
    assertThat(ClockWords.parse(said)).as(said).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"gargen | garden", "bedrum | bedroom", "kitchn | kitchen",
      "cuissine | cuisine"})
  void should_suggest_the_nearest_known_name(String heard, String nearest) {
    assertThat(Similar.nearest(heard, java.util.List.of("garden", "bedroom", "kitchen", "cuisine", "garage")))
        .isEqualTo(nearest);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"spaceship", "pool", "tv"})
  void should_suggest_nothing_for_a_word_near_no_known_name(String heard) {
    assertThat(Similar.nearest(heard, java.util.List.of("garden", "bedroom", "kitchen", "garage"))).isNull();
  }
}
