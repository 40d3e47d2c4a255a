package io.harpou.bridge.vertx.rules;

import static io.harpou.bridge.vertx.rules.RulesHousehold.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Interpretation;
import io.harpou.bridge.api.agent.Interpreter;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolGate;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.bridge.api.voice.Announcement;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Tell me when the washing machine is done", in English and French, said in the asker's room once it is. */
class TellMeWhenTest {

  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private RulesHousehold house;
  private NotificationRules rules;
  private Interpreter interpreter;
  private Tool tool;

  @BeforeEach
  void start() {
    house = new RulesHousehold(vertx, dir);
    rules = NotificationRules.start(vertx, new NotificationOptions(new JsonObject()), house.services()).await();
    ToolProvider provider = ServiceLoader.load(ToolProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.id().equals("rules")).findFirst().orElseThrow();
    interpreter = provider.interpreters(new JsonObject()).get(0);
    tool = provider.tools(new JsonObject()).get(0);
  }

  @AfterEach
  void stop() {
    rules.close().await();
    house.close();
    vertx.close().await();
  }

  private Interpretation say(String text, String language, String room) {
    Utterance utterance = new Utterance(text, language, null, Channel.SATELLITE, room, "kitchen-sat", null);
    ToolContext context = ToolContext.builder(vertx, utterance).home(house.client).build();
    ToolGate executor = (call, asked) -> tool.call(call, context);
    return interpreter.interpret(utterance, context, executor).await();
  }

  @Test
  void should_say_in_the_askers_room_once_the_washing_machine_is_done() {
    Interpretation answer = say("Let me know when the washing machine is done.", "en", "kitchen");
    assertThat(answer.handledReply().orElseThrow().speech()).isEqualTo("I'll tell you when Washing machine is done.");
    house.set("sensor.washing_machine", "idle");
    await(() -> !house.heard.isEmpty(), "the announcement");
    assertThat(house.heard).containsExactly(new Announcement("kitchen", "Washing machine is done.", "en"));
    assertThat(rules.rules()).isEmpty();
  }

  @Test
  void should_understand_french_and_aliases() {
    Interpretation answer = say("préviens-moi quand le lave-linge a fini", "fr", "kitchen");
    assertThat(answer.handledReply()).isPresent();
    assertThat(rules.rules()).singleElement().satisfies(rule -> {
      assertThat(rule.when().entityIds()).containsExactly("sensor.washing_machine");
      assertThat(rule.once()).isTrue();
      assertThat(rule.origin()).isEqualTo("speech");
    });
  }

  @Test
  void should_wait_for_the_state_asked_for() {
    say("tell me when the front door is open", "en", "kitchen");
    assertThat(rules.rules()).singleElement().satisfies(rule -> assertThat(rule.when().states())
        .containsExactly("on"));
    house.set("binary_sensor.front_door", "on");
    await(() -> !house.heard.isEmpty(), "the announcement");
    assertThat(house.heard.get(0).text()).isEqualTo("Front door is now on.");
  }

  @Test
  void should_leave_what_it_cannot_name_to_the_model() {
    assertThat(say("tell me when the dishwasher is done", "en", "kitchen").handledReply()).isEmpty();
    assertThat(say("tell me a joke", "en", "kitchen").handledReply()).isEmpty();
    assertThat(rules.rules()).isEmpty();
  }
}
