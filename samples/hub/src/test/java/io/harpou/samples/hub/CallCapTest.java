package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.OllamaToolCall;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model cannot flood the home with tool calls: one step and one turn each make a bounded number. */
class CallCapTest {

  private final Vertx vertx = Vertx.vertx();
  private HubHarness hub;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    hub = HubHarness.start(vertx, dataDir, new JsonObject(), true);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** {@code count} distinct brightness changes of the kitchen light, from {@code first} percent. */
  private static OllamaReply dimming(int first, int count) {
    OllamaToolCall[] calls = new OllamaToolCall[count];
    for (int i = 0; i < count; i++) {
      calls[i] = OllamaToolCall.of("set_light", new JsonObject().put("entity_id", "light.kitchen")
          .put("brightness", first + i));
    }
    return OllamaReply.toolCalls(calls);
  }

  @Test
  void should_run_none_of_fifty_calls_asked_in_one_step_and_say_why() {
    hub.ollama.addRule(OllamaMatch.userContains("disco").thenReply(dimming(1, 50)));

    String reply = hub.say("disco time", "k1");

    assertThat(reply).isEqualTo("Sorry, that needed 50 actions at once and I take at most 8 in one go, so I did"
        + " none of them. Please ask for fewer at a time.");
    assertThat(hub.callsOf("light")).isZero();
  }

  @Test
  void should_stop_a_turn_at_twenty_calls_across_its_steps() {
    hub.ollama.addRule(OllamaMatch.userContains("slow fade").thenReply(dimming(1, 8)));
    hub.ollama.addRule(OllamaMatch.toolResult("set_light").thenReply(dimming(20, 8)).once());
    hub.ollama.addRule(OllamaMatch.toolResult("set_light").thenReply(dimming(40, 8)).once());

    String reply = hub.say("slow fade please", "k2");

    assertThat(reply).startsWith("Sorry, that took more than 20 actions, so I stopped.");
    assertThat(hub.callsOf("light")).isEqualTo(16);
  }
}
