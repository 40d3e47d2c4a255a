package io.harpou.benchmarks.media;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.testkit.comfyui.ComfyUiSimulator;
import io.harpou.testkit.comfyui.ComfyUiSimulatorOptions;
import io.harpou.testkit.ha.VirtualHomeAssistant;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.harpou.testkit.ollama.OllamaMatch;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * From "generate an image of ..." to the turn's answer: the hub with the scripted Ollama (a model step that asks for
 * {@code generate_image}, over LangChain4j's Ollama client on loopback), the virtual home and the ComfyUI simulator.
 * The generation runs in the background; each round waits for it to finish before the next, so rounds do not overlap.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.harpou.benchmarks.media.ImageTurnHarness ROUNDS}
 */
public final class ImageTurnHarness {

  private static final int WARM_UP = 10;

  private ImageTurnHarness() {
  }

  /** Runs the measurement. */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ScriptedOllama ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ComfyUiSimulator comfy = ComfyUiSimulator.create(vertx, new ComfyUiSimulatorOptions().setStepDelayMs(1))
        .start().await();
    ollama.addRule(OllamaMatch.userContains("image").thenReply(OllamaReply.toolCall("generate_image",
        new JsonObject().put("prompt", "a red fox in the snow"))));
    Bridge hub = Bridge.create(vertx, new BridgeOptions().setDataDir(Files.createTempDirectory("image-bench"))
        .setHttpEnabled(false)
        .setSection("home_assistant", new JsonObject().put("url", home.url()).put("token", home.accessToken()))
        .setSection("memory", new JsonObject().put("enabled", false))
        .setSection("tools", new JsonObject().put("enabled", new JsonArray().add("media"))
            .put("media", new JsonObject().put("comfyui", new JsonObject().put("url", comfy.url()))))
        .setSection("agent", new JsonObject().put("ollama", new JsonObject().put("url", ollama.baseUrl()))))
        .start().await();
    Agent agent = hub.agent().orElseThrow();
    TaskService tasks = hub.tasks().orElseThrow();
    long[] turns = new long[rounds];
    for (int i = -WARM_UP; i < rounds; i++) {
      long start = System.nanoTime();
      Reply reply = agent.ask(new Utterance("generate an image of a red fox in the snow", "en", "bench-" + i, null,
          "kitchen", null, null)).await();
      long answered = System.nanoTime();
      if (reply.tasks().size() != 1) {
        throw new IllegalStateException("the turn did not start a task: " + reply.toJson());
      }
      while (tasks.list().await().stream().anyMatch(t -> t.status() == TaskStatus.QUEUED
          || t.status() == TaskStatus.RUNNING)) {
        Thread.sleep(5);
      }
      if (i >= 0) {
        turns[i] = answered - start;
      }
    }
    Arrays.sort(turns);
    long made = tasks.list().await().stream().filter(t -> t.status() == TaskStatus.DONE).count();
    System.out.printf("%d turns, utterance to answer: p50 %.2f ms, p99 %.2f ms, max %.2f ms; images made: %d%n",
        rounds, turns[rounds / 2] / 1e6, turns[(int) Math.ceil(0.99 * rounds) - 1] / 1e6, turns[rounds - 1] / 1e6,
        made);
    hub.close().await();
    comfy.close().await();
    ollama.close().await();
    home.close().await();
    vertx.close().await();
  }
}
