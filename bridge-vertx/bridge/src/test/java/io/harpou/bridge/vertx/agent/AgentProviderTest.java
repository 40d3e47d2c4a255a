package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.agent.Reply;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A model supplied in process through a {@link io.harpou.bridge.vertx.model.ModelProvider} found on the class path. */
class AgentProviderTest extends AgentTestBase {

  @Test
  void should_run_the_tool_loop_with_the_named_provider_and_say_so_in_health() {
    start(agentSection(false).put("provider", new JsonObject().put("id", "stub").put("light", "light.bedroom")));

    Reply reply = ask("anything at all", "m1");

    assertThat(reply.speech()).isEqualTo("Stub: light.turn_on done on light.bedroom");
    assertThat(state("light.bedroom")).isEqualTo("on");
    assertThat(bridge.health().toJson().encode()).contains("provider stub");
    assertThat(ollama.requestCount()).isZero();
  }

  @Test
  void should_refuse_to_start_with_an_unknown_provider_or_a_section_it_rejects() {
    assertThatThrownBy(() -> start(agentSection(false).put("provider", new JsonObject().put("id", "nope"))))
        .hasMessageContaining("no model provider 'nope' on the class path");
    assertThatThrownBy(() -> start(agentSection(false).put("provider", new JsonObject().put("id", "stub"))))
        .hasMessageContaining("the stub needs a light");
  }
}
