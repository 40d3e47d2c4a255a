package io.harpou.bridge.vertx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderSectionTest {

  @Test
  void should_name_the_provider_and_the_missing_key() {
    ProviderSection section = new ProviderSection(new JsonObject().put("url", " "), "Ollama");

    assertThatThrownBy(section::url).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Ollama provider needs url");
  }

  @Test
  void should_give_a_streamed_answer_more_time_and_warmth_than_a_plain_call_unless_configured() {
    ProviderSection defaults = new ProviderSection(new JsonObject(), "Ollama");
    ProviderSection set = new ProviderSection(new JsonObject().put("temperature", 0.7).put("timeout_ms", 5000)
        .put("return_thinking", true).put("model", "qwen3:8b"), "Ollama");

    assertThat(defaults.streamingTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(defaults.callTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(defaults.streamingTemperature()).isEqualTo(0.2);
    assertThat(defaults.callTemperature()).isZero();
    assertThat(defaults.returnThinking()).isFalse();
    assertThat(defaults.model("llama3.2")).isEqualTo("llama3.2");
    assertThat(set.streamingTimeout()).isEqualTo(set.callTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(set.callTemperature()).isEqualTo(set.streamingTemperature()).isEqualTo(0.7);
    assertThat(set.returnThinking()).isTrue();
    assertThat(set.model("llama3.2")).isEqualTo("qwen3:8b");
  }
}
