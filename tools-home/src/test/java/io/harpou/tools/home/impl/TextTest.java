package io.harpou.tools.home.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Turn On The Kitchen Light!|turn on the kitchen light",
      "allume la lumière de l'entrée|allume la lumiere de l entree",
      "Allume l’Éclairage du SALON|allume l eclairage du salon",
      "règle le thermostat à 20,5 degrés|regle le thermostat a 20.5 degres",
      "set it to 19.5.|set it to 19.5",
      "mets-le à 50%|mets le a 50 %",
      "il fait 21°C|il fait 21 ° c",
      "what's   the\ttemperature?|what s the temperature",
      "quatre-vingt-dix|quatre vingt dix",
      "garden_sprinkler|garden sprinkler",
      "le cœur de l'œuvre|le coeur de l oeuvre",
      "Straße|strasse",
      "e\u0301te\u0301 (NFD input)|ete nfd input",
      "end. of. sentence|end of sentence",
      "  already normal  |already normal",
      "channel #5 +1|channel #5 +1"})
  void should_normalise_as_a_listener_compares(String text, String expected) {
    assertThat(Text.normalize(text)).isEqualTo(expected);
  }

  @Test
  void should_return_empty_for_nothing_to_say() {
    assertThat(Text.normalize(null)).isEmpty();
    assertThat(Text.normalize("?!…  ")).isEmpty();
    assertThat(Text.words("  ")).isEmpty();
  }

  @Test
  void should_key_names_without_fillers_and_in_the_singular() {
    assertThat(Text.key("The Lights of the Living Room")).isEqualTo("light living room");
    assertThat(Text.key("les lumières du salon")).isEqualTo("lumiere salon");
    assertThat(Text.key("les bureaux")).isEqualTo("bureau");
    assertThat(Text.key("glass")).isEqualTo("glass");
    assertThat(Text.looksPlural("volets")).isTrue();
    assertThat(Text.looksPlural("status")).isFalse();
  }
}
