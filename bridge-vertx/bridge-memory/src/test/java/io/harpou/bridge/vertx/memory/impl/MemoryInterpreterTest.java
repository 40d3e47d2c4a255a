package io.harpou.bridge.vertx.memory.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryInterpreterTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Remember that the cat is called Mochi. | REMEMBER | the cat is called Mochi | false",
      "Please remember the bins go out on Tuesday | REMEMBER | the bins go out on Tuesday | false",
      "Note that the boiler was serviced in March | REMEMBER | the boiler was serviced in March | false",
      "Make a note that Bob is allergic to cats | REMEMBER | Bob is allergic to cats | false",
      "Note down that the plumber comes on Friday | REMEMBER | the plumber comes on Friday | false",
      "Retiens que le code du portail est 1187 | REMEMBER | le code du portail est 1187 | true",
      "N'oublie pas que Léa est végétarienne | REMEMBER | Léa est végétarienne | true",
      "Note que la chaudière a été révisée | REMEMBER | la chaudière a été révisée | true",
      "What do you know about the cat? | RECALL | the cat | false",
      "Que sais-tu du portail ? | RECALL | portail | true",
      "Forget that the cat is called Mochi | FORGET | the cat is called Mochi | false",
      "Oublie le code du portail | FORGET | le code du portail | true",
  })
  void should_read_memory_requests(String utterance, String intent, String text, boolean french) {
    assertThat(MemoryInterpreter.parse(utterance)).contains(new MemoryInterpreter.Request(
        MemoryInterpreter.Intent.valueOf(intent), text, french));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Note that down", "note that", "Note this down please", "Note the time", "Notepad open",
      "Remember that", "Remember to buy milk", "Remember when we went to Paris?",
      "Remember what I told you about the cat?", "Remember me", "Do you remember the cat's name?",
      "Note", "Note que", "Note ça", "N'oublie pas de fermer la porte", "Souviens-toi de Paris",
      "Forget it", "Forget about it", "Never mind, forget it", "Forget everything", "Oublie ça", "Oublie tout",
      "Forget what?", "I noted that the cat is grey", "Turn on the kitchen light",
  })
  void should_leave_near_misses_alone(String utterance) {
    assertThat(MemoryInterpreter.parse(utterance)).isEmpty();
  }
}
