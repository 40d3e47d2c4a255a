package io.harpou.bridge.vertx.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.testkit.Await;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A camera question goes to a model marked as reading images, through the pool like a turn's call: it is routed (the
 * choice is an event), recorded in the ledger with its cost, counted against the model's budget, refused with a true
 * message once that budget is spent (a restart included), and asked of the next vision model when one fails.
 */
class VisionCallsTest extends ModelsTestBase {

  private static final Utterance ASKER = new Utterance("is there a package at the door?", "en", "cam-1",
      Channel.CONSOLE, "hall", null, "ada");
  private static final List<VisionModel.Image> IMAGE = List.of(new VisionModel.Image(Buffer.buffer(new byte[] {
      (byte) 0x89, 'P', 'N', 'G'}), "image/png"));

  /** A vision model on the strong server's Ollama API; the scripted server counts a word a token, each 1 here. */
  private JsonObject eyes(double budget) {
    return new JsonObject().put("provider", "ollama").put("url", strongServer.baseUrl()).put("model", "qwen2.5vl:7b")
        .put("vision", true).put("local", false).put("cost_per_1k_input", 1000.0).put("monthly_budget", budget);
  }

  private JsonObject withEyes(double budget) {
    return new JsonObject().put("models", new JsonObject().put("fast", fast()).put("eyes", eyes(budget)));
  }

  private String look() {
    return call(() -> pool.vision().orElseThrow().ask("Is there a package?", IMAGE, ASKER));
  }

  @Test
  void should_route_an_image_to_the_vision_model_and_record_the_call_in_the_ledger() {
    start(withEyes(0));
    strongServer.fallback(OllamaReply.text("A brown box on the doormat."));

    assertThat(look()).isEqualTo("A brown box on the doormat.");

    Await.until("the call recorded", () -> events("model_call").size() == 1);
    assertThat(strongServer.takeRequest().images()).hasSize(1);
    assertThat(fastServer.requestCount()).isZero();
    assertThat(events("model_chosen")).extracting(e -> e.getString("model") + ": " + e.getString("reason"))
        .containsExactly("eyes: an image: eyes reads images");
    JsonObject usage = pool.usage().usage(ModelUsage.GroupBy.PROFILE, Instant.now().minusSeconds(3600),
        Instant.now().plusSeconds(1)).await();
    JsonObject ada = usage.getJsonArray("groups").getJsonObject(0);
    assertThat(ada.getString("profile")).isEqualTo("ada");
    assertThat(ada.getLong("calls")).isEqualTo(1);
    assertThat(ada.getDouble("cost")).isGreaterThan(0);
    assertThat(events("model_call").get(0).getString("conversation_id")).isEqualTo("cam-1");
  }

  @Test
  void should_refuse_a_vision_call_with_a_true_message_once_the_budget_is_spent_even_after_a_restart() {
    start(withEyes(1));
    strongServer.fallback(OllamaReply.text("A brown box on the doormat."));
    look();
    awaitState("budget.eyes", "degraded");

    assertThatThrownBy(this::look).isInstanceOf(BridgeException.class).hasMessageMatching("the vision model eyes"
        + " has spent its monthly budget \\(\\d+\\.\\d\\d of 1\\.00\\), so no camera image can be looked at until next"
        + " month");
    start(withEyes(1));
    assertThatThrownBy(this::look).hasMessageContaining("has spent its monthly budget");
    assertThat(strongServer.requestCount()).isEqualTo(1);
  }

  @Test
  void should_ask_the_next_vision_model_when_the_first_fails() {
    JsonObject agent = withEyes(0);
    agent.getJsonObject("models").put("spare", fast().put("model", "llava:7b").put("vision", true));
    agent.put("vision", new JsonObject().put("use", "eyes"));
    start(agent);
    strongServer.fallback(OllamaReply.error(500, "model runner crashed"));
    fastServer.fallback(OllamaReply.text("A box, seen by the spare."));

    assertThat(look()).isEqualTo("A box, seen by the spare.");
    assertThat(fastServer.takeRequest().model()).isEqualTo("llava:7b");
    // Events cross the event bus: the answer may come back before the last of them has arrived.
    Await.until("both calls recorded", () -> events("model_call").size() == 2);
    assertThat(events("model_chosen")).extracting(e -> e.getString("model")).containsExactly("eyes", "spare");
    assertThat(awaitState("model.eyes", "degraded").getString("detail")).contains("model runner crashed");
    assertThat(events("model_call")).extracting(e -> e.getString("model") + " " + e.getString("outcome"))
        .containsExactly("eyes failed", "spare ok");
  }

  @Test
  void should_keep_a_vision_model_given_by_its_name_alone_out_of_the_turns() {
    start(new JsonObject().put("models", new JsonObject().put("fast", fast()))
        .put("vision", new JsonObject().put("model", "qwen2.5vl:7b")));
    fastServer.fallback(OllamaReply.text("fine"));

    ModelTurn turn = begin("what is the capital of Peru?");

    assertThat(turn.route().chain()).containsExactly("fast");
    assertThat(look()).isEqualTo("fine");
    Await.until("the image's route published", () -> events("model_chosen").size() == 2);
    assertThat(fastServer.requests()).extracting(r -> r.model()).containsExactly("qwen2.5vl:7b");
    assertThat(new JsonArray(events("model_chosen").stream().map(e -> e.getString("model")).toList()))
        .containsExactly("fast", "vision");
  }
}
