package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A profile's {@code memory_scope} over the real memory store: what a profile's agent remembers is written in its
 * scope, and it recalls (to answer, and in the model's prompt) only what its scope holds.
 */
class AgentProfileMemoryTest extends HttpAgentTestBase {

  private static final String SECRET = "my bank code hint is the cat's birthday";

  private JsonObject memory = new JsonObject();

  @Override
  protected BridgeOptions options(JsonObject agent) {
    return super.options(agent).setSection("memory", memory);
  }

  private void profiles() {
    post("/api/profiles", new JsonObject().put("id", "diary").put("name", "Diary")
        .put("persona", "You are a private diary.").put("memory_scope", "person")
        .put("tools", new JsonArray().add("memory_*")));
    post("/api/profiles", new JsonObject().put("id", "kitchen").put("name", "Chef")
        .put("persona", "You are Chef, a cooking helper.").put("memory_scope", "household")
        .put("tools", new JsonArray().add("memory_*")).put("rooms", new JsonArray().add("kitchen")));
  }

  private Reply say(String text, String user, String agentId) {
    return ask(new Utterance(text, "en", null, Channel.CONSOLE, "kitchen", null, user, null, agentId));
  }

  private List<Memory> stored() {
    return bridge.memory().orElseThrow().list(null, 50).await();
  }

  @Test
  void should_write_what_a_profile_remembers_in_its_scope_about_its_speaker() {
    start(agentSection(false));
    profiles();

    say("remember that " + SECRET, "ada", "diary");
    say("remember that the oven door sticks", "ada", "kitchen");

    Memory secret = stored().stream().filter(m -> m.text().contains("birthday")).findFirst().orElseThrow();
    assertThat(secret.scope()).isEqualTo(MemoryScope.PERSON);
    assertThat(secret.subject()).isEqualTo("ada");
    Memory oven = stored().stream().filter(m -> m.text().contains("oven")).findFirst().orElseThrow();
    assertThat(oven.scope()).isEqualTo(MemoryScope.HOUSEHOLD);
  }

  @Test
  void should_recall_a_persons_memory_only_for_that_person_through_the_profile_that_keeps_it() {
    start(agentSection(false));
    profiles();
    say("remember that " + SECRET, "ada", "diary");

    Reply adaDiary = say("what do you know about my bank code", "ada", "diary");
    Reply bobDiary = say("what do you know about my bank code", "bob", "diary");
    Reply adaKitchen = say("what do you know about my bank code", "ada", "kitchen");

    assertThat(adaDiary.speech()).contains("birthday");
    assertThat(bobDiary.speech()).doesNotContain("birthday");
    assertThat(adaKitchen.speech()).doesNotContain("birthday");
  }

  @Test
  void should_give_the_model_only_the_memories_of_the_profiles_scope() {
    start(agentSection(true));
    profiles();
    say("remember that " + SECRET, "ada", "diary");
    ollama.fallback(OllamaReply.text("I cannot say."));

    say("Tell me the hint for my bank code", "ada", "kitchen");
    say("Tell me the hint for my bank code", "ada", "diary");

    assertThat(ollama.requests().get(0).messages().encode()).contains("You are Chef").doesNotContain("birthday");
    assertThat(ollama.requests().get(1).messages().encode()).contains("You are a private diary", "birthday");
  }

  @Test
  void should_keep_a_fact_learned_from_a_profile_s_turn_in_that_profile_s_scope() {
    memory = new JsonObject().put("facts", new JsonObject().put("url", ollama.baseUrl()).put("model", "llama3.2"));
    ollama.addRule(OllamaMatch.userContains("vegetarian").thenReply(OllamaReply.text(
        "{\"facts\": [{\"text\": \"Ada is vegetarian\", \"scope\": \"household\"}]}")));
    start(agentSection(false));
    profiles();

    say("I'm vegetarian now, so no more meat for me", "ada", "diary");

    Await.until("the fact learned", () -> !stored().isEmpty());
    Memory learned = stored().get(0);
    assertThat(learned.text()).isEqualTo("Ada is vegetarian");
    assertThat(learned.scope()).isEqualTo(MemoryScope.PERSON);
    assertThat(learned.subject()).isEqualTo("ada");
    assertThat(say("what do you know about me", "bob", "kitchen").speech()).doesNotContain("vegetarian");
  }
}
