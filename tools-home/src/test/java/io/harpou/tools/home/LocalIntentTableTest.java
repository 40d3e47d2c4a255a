package io.harpou.tools.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.ToolCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of {@code utterances.txt} goes through the local-intents interpreter against the demo house (virtual
 * Home Assistant, real client); the executor records the tool call and runs the tool.
 */
class LocalIntentTableTest {

  private static VirtualHome home;
  private static Interpreter interpreter;

  @BeforeAll
  static void start() {
    home = new VirtualHome();
    interpreter = home.provider.interpreters(new JsonObject()).get(0);
  }

  @AfterAll
  static void stop() {
    home.close();
  }

  static Stream<String> lines() throws IOException {
    try (InputStream in = LocalIntentTableTest.class.getResourceAsStream("/utterances.txt")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void should_understand_or_pass_on(String line) {
    String[] cells = line.split("\\|");
    String text = cells[0].trim();
    String room = cells[2].trim().isEmpty() ? null : cells[2].trim();
    String expected = cells[3].trim();
    Utterance utterance = new Utterance(text, cells[1].trim(), null, null, room, "satellite", null);
    home.calls.clear();

    Interpretation result = interpreter.interpret(utterance, home.context(utterance), home.executor()).await();

    if (expected.equals("-")) {
      assertThat(result.reply()).as("not mine").isNull();
      assertThat(home.calls).isEmpty();
      return;
    }
    assertThat(result.reply()).as("handled").isNotNull();
    if (expected.equals("ask")) {
      assertThat(home.calls).as("nothing done before the answer").isEmpty();
      assertThat(result.reply().continueConversation()).isTrue();
      assertThat(result.reply().speech()).endsWith("?");
      return;
    }
    String[] parts = expected.split(" ", 3);
    assertThat(home.calls).hasSize(1);
    ToolCall call = home.calls.get(0);
    assertThat(call.name()).isEqualTo(parts[0]);
    assertThat(ids(call.arguments().getValue("entity_id"))).isEqualTo(new TreeSet<>(List.of(parts[1].split(","))));
    if (parts.length == 3) {
      for (String pair : parts[2].split(" (?=[a-z_]+=)")) {
        String key = pair.substring(0, pair.indexOf('='));
        assertThat(String.valueOf(call.arguments().getValue(key))).as(key).isEqualTo(pair.substring(key.length() + 1));
      }
    }
    assertThat(result.reply().type()).as(result.reply().speech()).isNotEqualTo(Reply.Type.ERROR);
  }

  private static TreeSet<String> ids(Object value) {
    TreeSet<String> out = new TreeSet<>();
    if (value instanceof JsonArray array) {
      array.forEach(v -> out.add(String.valueOf(v)));
    } else if (value != null) {
      out.add(String.valueOf(value));
    }
    return out;
  }
}
