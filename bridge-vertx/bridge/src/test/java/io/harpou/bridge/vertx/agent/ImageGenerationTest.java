package io.harpou.bridge.vertx.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.testkit.comfyui.ComfyUiSimulator;
import io.harpou.testkit.comfyui.ComfyUiSimulatorOptions;
import io.harpou.testkit.ha.RecordedServiceCall;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** "Draw a red fox": the turn answers at once, ComfyUI makes the image in the background, and the house is told. */
class ImageGenerationTest extends AgentTestBase {

  @Test
  void should_answer_at_once_then_keep_the_image_and_say_it_is_ready() {
    ComfyUiSimulator comfy = ComfyUiSimulator.create(vertx, new ComfyUiSimulatorOptions().setStepDelayMs(20))
        .start().await();
    bridge = Bridge.create(vertx, options(agentSection(true).put("notify_home", true))
        .setTools(new JsonObject().put("enabled", new JsonArray().add("media"))
            .put("media", new JsonObject().put("comfyui", new JsonObject().put("url", comfy.url())))))
        .start().await();
    ollama.addRule(OllamaMatch.userContains("fox").thenReply(OllamaReply.toolCall("generate_image",
        new JsonObject().put("prompt", "a red fox in the snow").put("size", "landscape"))));

    Reply reply = ask("draw me a red fox in the snow", "studio");

    assertThat(reply.speech()).startsWith("I've started");
    assertThat(reply.tasks()).hasSize(1);
    JsonObject task = awaitEvent(e -> "task_done".equals(e.getString("kind"))).getJsonObject("task");
    assertThat(task.getString("status")).isEqualTo("done");
    JsonObject result = new JsonObject(task.getString("result"));
    assertThat(result.getString("message")).isEqualTo("Your image of \"a red fox in the snow\" is ready.");
    Artifact image = Artifact.fromJson(result.getJsonArray("artifacts").getJsonObject(0));
    Buffer png = bridge.artifacts().orElseThrow().read(image.id()).await();
    assertThat(png.getString(1, 4)).isEqualTo("PNG");
    assertThat(png.getInt(16)).isEqualTo(1216);
    assertThat(image.metadata().conversationId()).isEqualTo("studio");
    assertThat(events("task_progress")).anySatisfy(p -> assertThat(p.getString("message")).startsWith("step "));
    RecordedServiceCall told = awaitNotification();
    assertThat(told.data().getString("message")).isEqualTo("Your image of \"a red fox in the snow\" is ready.");
    comfy.close().await();
  }

  private RecordedServiceCall awaitNotification() {
    awaitEvent(e -> home.calls().stream().anyMatch(c -> c.domain().equals("persistent_notification")));
    return home.calls().stream().filter(c -> c.domain().equals("persistent_notification")).findFirst()
        .orElseThrow();
  }
}
