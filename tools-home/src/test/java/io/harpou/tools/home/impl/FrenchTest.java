package io.harpou.tools.home.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "lumière de la cuisine|la lumière de la cuisine",
      "plafonnier du salon|le plafonnier du salon",
      "enceinte de la cuisine|l'enceinte de la cuisine",
      "stores de la chambre|les stores de la chambre",
      "Thermostat|le thermostat",
      "humidité du salon|l'humidité du salon",
      "hotte|la hotte",
      "télé|la télé",
      "la lampe du salon|la lampe du salon",
      "l'applique|l'applique",
      "Soundbar|Soundbar",
      "bonjour|bonjour"})
  void should_add_the_article_a_listener_expects(String name, String expected) {
    assertThat(French.withArticle(name)).isEqualTo(expected);
  }

  @Test
  void should_contract_de_and_a_with_the_article_and_capitalise() {
    assertThat(French.polish("J'ai réglé la luminosité de le plafonnier du salon à 30 %."))
        .isEqualTo("J'ai réglé la luminosité du plafonnier du salon à 30 %.");
    assertThat(French.polish("J'ai coupé le son de les enceintes.")).isEqualTo("J'ai coupé le son des enceintes.");
    assertThat(French.polish("la porte d'entrée est protégée.")).isEqualTo("La porte d'entrée est protégée.");
  }
}
