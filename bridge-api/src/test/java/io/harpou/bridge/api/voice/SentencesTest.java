package io.harpou.bridge.api.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void should_split_sentences_without_breaking_decimals() {
    assertThat(Sentences.split("It is 21.5 degrees. The window is open! Close it?"))
        .containsExactly("It is 21.5 degrees.", "The window is open!", "Close it?");
  }

  @Test
  void should_carry_an_unfinished_sentence_over_when_streaming() {
    Sentences.Split split = Sentences.splitStreaming("The light is on. And the ");
    assertThat(split.complete()).containsExactly("The light is on.");
    assertThat(split.rest()).isEqualTo("And the ");
  }
}
