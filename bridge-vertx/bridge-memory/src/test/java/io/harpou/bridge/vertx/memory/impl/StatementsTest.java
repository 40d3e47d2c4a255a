package io.harpou.bridge.vertx.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementsTest {

  private static boolean contradicts(String older, String newer) {
    return Statements.claim(newer).flatMap(n -> Statements.claim(older).map(n::contradicts)).orElse(false);
  }

  @ParameterizedTest(name = "\"{1}\" replaces \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "The cat is called Mochi | Our cat is called Pixel",
      "Le chat s'appelle Mochi | Notre chat s'appelle Pixel",
      "Alice lives in Lyon | Alice now lives in Nantes",
      "Alice habite à Lyon | Alice habite à Nantes",
      "Likes the living room at 21 degrees | Likes the living room at 19 degrees",
      "Bob likes the bedroom at 18 degrees | Bob prefers the bedroom at 17 degrees",
      "Alice aime le salon à 21 degrés | Alice aime le salon à 20 degrés",
      "The spare key is under the blue flower pot | The spare key is in the kitchen drawer",
      "The garage code is 4711 | The garage code is 1234",
      "The wifi password is hunter2-blue | The wifi password is now sunflower",
      "Her favourite colour is green | Her favourite colour is red",
      "Le code du portail est 1187 | Le code du portail est 2290",
      "The cat is 3 years old | The cat is 4 years old",
  })
  void should_take_a_new_value_of_a_single_valued_relation_for_a_contradiction(String older, String newer) {
    assertThat(contradicts(older, newer)).isTrue();
  }

  @ParameterizedTest(name = "\"{1}\" keeps \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "The cat is grey | The cat is old",
      "Le chat est gris | Le chat est vieux",
      "The cat is 3 years old | The cat is grey",
      "Alice is allergic to peanuts | Alice is allergic to cats",
      "Alice likes tea | Alice likes coffee",
      "Alice aime le thé | Alice aime le café",
      "Likes the living room at 21 degrees | Likes the bedroom at 18 degrees",
      "Likes the living room at 21 degrees | Bob likes the living room at 19 degrees",
      "The cat is called Mochi | The dog is called Mochi",
      "The cat is called Mochi | The cat is called Mochi.",
      "It is raining | It is sunny",
      "The garage code is 4711 | The gate code is 1234",
  })
  void should_keep_facts_that_can_both_be_true(String older, String newer) {
    assertThat(contradicts(older, newer)).isFalse();
  }
}
