package io.harpou.tools.home.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberWordsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "vingt et un|21", "vingt-et-un|21", "quatre-vingt-dix|90", "quatre-vingts|80", "quatre-vingt-dix-neuf|99",
      "soixante-dix|70", "soixante et onze|71", "soixante-quinze|75", "dix-sept|17", "cent|100", "deux cents|200",
      "trois cent vingt|320", "mille deux cents|1200", "vingt et un et demi|21.5", "dix-neuf virgule cinq|19.5",
      "twenty-one|21", "a hundred|100", "one hundred and five|105", "two hundred fifty|250", "seventy five|75",
      "four thousand|4000", "twenty and a half|20.5", "nineteen point five|19.5", "zero|0", "fifty|50",
      "21,5|21.5", "19.5|19.5", "42|42"})
  void should_read_numbers_in_words_and_digits(String text, double expected) {
    assertThat(NumberWords.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "a", "and", "twenty twenty", "one two", "five fifty", "cent cent", "lamp",
      "fifty lamps", "point", "et un"})
  void should_refuse_what_is_not_one_number(String text) {
    assertThat(NumberWords.parse(text)).isNull();
  }
}
