package io.harpou.bridge.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.http.HttpApiOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Copies of the parts' options keep everything, secrets included, and are independent of their originals. */
class OptionsCopyTest {

  @Test
  void should_keep_the_secrets_that_the_json_form_leaves_out() {
    HomeAssistantOptions home = new HomeAssistantOptions().setUrl("http://ha.local:8123").setToken("ha-secret");
    MemoryOptions memory = new MemoryOptions(new JsonObject()
        .put("embeddings", new JsonObject().put("provider", "openai").put("url", "http://gpu:8080/v1")
            .put("api_key", "embed-secret"))
        .put("facts", new JsonObject().put("url", "http://gpu:8080/v1").put("api_key", "facts-secret")));
    AgentOptions agent = new AgentOptions(new JsonObject()
        .put("openai", new JsonObject().put("url", "http://gpu:8080/v1").put("api_key", "chat-secret")));

    assertThat(new HomeAssistantOptions(home).getToken()).isEqualTo("ha-secret");
    assertThat(new MemoryOptions(memory).embeddingsModelConfig().getString("api_key")).isEqualTo("embed-secret");
    assertThat(new MemoryOptions(memory).factsModelConfig().getString("api_key")).isEqualTo("facts-secret");
    assertThat(new AgentOptions(agent).getOpenai().getString("api_key")).isEqualTo("chat-secret");
  }

  @Test
  void should_keep_the_secrets_given_to_the_bridge_options_through_typed_setters() {
    BridgeOptions options = new BridgeOptions()
        .setAgent(new AgentOptions().setOpenai(new JsonObject().put("url", "http://gpu:8080/v1")
            .put("api_key", "chat-secret")))
        .setMemory(new MemoryOptions(new JsonObject()
            .put("embeddings", new JsonObject().put("url", "http://gpu:8080/v1").put("api_key", "embed-secret"))
            .put("facts", new JsonObject().put("url", "http://gpu:8080/v1").put("api_key", "facts-secret"))))
        .setHomeAssistant(new HomeAssistantOptions().setUrl("http://ha.local:8123").setToken("ha-secret"));

    BridgeOptions copy = new BridgeOptions(options);

    assertThat(copy.getAgent().getOpenai().getString("api_key")).isEqualTo("chat-secret");
    assertThat(copy.getMemory().embeddingsModelConfig().getString("api_key")).isEqualTo("embed-secret");
    assertThat(copy.getMemory().factsModelConfig().getString("api_key")).isEqualTo("facts-secret");
    assertThat(copy.getHomeAssistant().orElseThrow().getToken()).isEqualTo("ha-secret");
  }

  @Test
  void should_leave_the_original_as_it_was_when_the_copy_changes() {
    HttpApiOptions http = new HttpApiOptions().setPort(9000);
    VoiceOptions voice = new VoiceOptions().setHost("0.0.0.0");

    new HttpApiOptions(http).setPort(9001);
    new VoiceOptions(voice).setHost("127.0.0.1");

    assertThat(http.getPort()).isEqualTo(9000);
    assertThat(voice.getHost()).isEqualTo("0.0.0.0");
    assertThat(new VoiceOptions(voice).toJson()).isEqualTo(voice.toJson());
    assertThat(new HttpApiOptions(http).toJson()).isEqualTo(http.toJson());
  }
}
