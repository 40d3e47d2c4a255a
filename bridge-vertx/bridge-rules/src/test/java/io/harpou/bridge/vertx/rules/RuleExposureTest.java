package io.harpou.bridge.vertx.rules;

import static io.harpou.bridge.vertx.rules.RulesHousehold.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.rules.RuleBook;
import io.harpou.bridge.api.rules.RuleException;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The household hid the bathroom's leak sensor from the assistant ({@code tools.home.exposure}): no rule watches it,
 * nothing is said of it, and nobody can make a rule about it, by speech or through the API.
 */
class RuleExposureTest {

  private static final String HIDDEN = "binary_sensor.bathroom_leak";

  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private RulesHousehold house;
  private ToolRegistry tools;
  private NotificationRules rules;

  @BeforeEach
  void start() {
    house = new RulesHousehold(vertx, dir);
    tools = ToolRegistry.builder(new JsonObject().put("enabled", new JsonArray().add("home").add("rules"))
        .put("home", new JsonObject().put("exposure", new JsonObject()
            .put("exclude_entities", new JsonArray().add(HIDDEN))))).discover().build();
  }

  @AfterEach
  void stop() {
    if (rules != null) {
      rules.close().await();
    }
    house.close();
    vertx.close().await();
  }

  private void watch(JsonObject... configured) {
    rules = NotificationRules.start(vertx, new NotificationOptions(new JsonObject()
        .put("rules", new JsonArray(java.util.List.of((Object[]) configured)))), house.services(tools.exposure()))
        .await();
  }

  @Test
  void should_neither_watch_nor_announce_a_leak_sensor_hidden_from_the_assistant() {
    watch(new JsonObject().put("id", "leak").put("when", new JsonObject().put("device_class", "moisture")
        .put("state", "on")).put("say", "Water leak: {name}!").put("cooldown_minutes", 0));
    house.set(HIDDEN, "on");
    house.set("binary_sensor.kitchen_leak", "on");
    // Spoken and sent to Home Assistant side by side: either may arrive first.
    await(() -> !house.heard.isEmpty() && !house.notifications().isEmpty(), "the exposed leak announced");
    assertThat(house.heard).extracting(a -> a.text()).containsOnly("Water leak: Kitchen leak!");
    assertThat(house.notifications()).containsExactly("Water leak: Kitchen leak!");
    assertThat(house.events).extracting(e -> e.getString("entity_id")).containsExactly("binary_sensor.kitchen_leak");
  }

  @Test
  void should_refuse_by_speech_to_watch_a_hidden_sensor_and_say_why() {
    watch();
    Interpreter tellMeWhen = tools.interpreters().stream().filter(i -> i.id().equals("tell-me-when")).findFirst()
        .orElseThrow();
    Tool notifyWhen = tools.tool("notify_when").orElseThrow();
    Utterance said = new Utterance("tell me when the bathroom leak is on", "en", null, Channel.SATELLITE, "kitchen",
        "kitchen-sat", null);
    ToolContext context = ToolContext.builder(vertx, said).home(house.client).build();
    Reply reply = tellMeWhen.interpret(said, context, (call, asked) -> notifyWhen.call(call, context)).await()
        .handledReply().orElseThrow();
    assertThat(reply.speech()).isEqualTo("I can't watch Bathroom leak: " + HIDDEN
        + " is not exposed to Harpou (tools.home.exposure), so no rule may watch it");
    assertThatThrownBy(() -> RuleBook.overEventBus(vertx).add(new JsonObject().put("when", new JsonObject()
        .put("entity_id", "binary_sensor.kitchen_leak").put("state", "on"))
        .put("while", new JsonObject().put("entity_id", HIDDEN).put("state", "on"))).await())
        .isInstanceOf(RuleException.class).hasMessageContaining(HIDDEN + " is not exposed");
    assertThat(rules.rules()).isEmpty();
    house.set(HIDDEN, "on");
    house.set("binary_sensor.kitchen_leak", "on");
    assertThat(house.heard).isEmpty();
  }
}
