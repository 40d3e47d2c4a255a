package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.Bridge;
import io.harpou.bridge.vertx.BridgeOptions;
import io.harpou.bridge.vertx.agent.AgentOptions;
import io.harpou.bridge.vertx.ha.HomeAssistantOptions;
import io.harpou.bridge.vertx.memory.MemoryOptions;
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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real headless Chromium: someone asks for an image, the task appears, and once ComfyUI has made it
 * the image shows in the task, loaded through its signed link.
 */
class ConsoleImageBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_show_the_generated_image_in_its_task() throws Exception {
    VirtualHomeAssistant home = VirtualHomeAssistant.create(vertx, new VirtualHomeOptions()).start().await();
    ScriptedOllama ollama = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    ComfyUiSimulator comfy = ComfyUiSimulator.create(vertx, new ComfyUiSimulatorOptions().setStepDelayMs(20))
        .start().await();
    ollama.addRule(OllamaMatch.userContains("fox").thenReply(OllamaReply.toolCall("generate_image",
        new JsonObject().put("prompt", "a red fox in the snow").put("size", "640x480"))));
    Bridge bridge = Bridge.create(vertx, new BridgeOptions().setDataDir(dir.resolve("data")).setMonitorsEnabled(false)
        .setHttp(new HttpApiOptions().setHost("127.0.0.1").setPort(0))
        .setHomeAssistant(new HomeAssistantOptions().setUrl(home.url()).setToken(home.accessToken()))
        .setMemory(new MemoryOptions().setEnabled(false))
        .setAgent(new AgentOptions().setOllama(new JsonObject().put("url", ollama.baseUrl())))
        .setTools(new JsonObject().put("enabled", new JsonArray().add("media"))
            .put("media", new JsonObject().put("comfyui", new JsonObject().put("url", comfy.url())))))
        .start().await();

    try (HeadlessChromium chromium = HeadlessChromium.launch(vertx, Files.createDirectories(dir.resolve("profile")))) {
      chromium.navigate(bridge.consoleUrl().orElseThrow());
      chromium.waitFor("document.getElementById('link') && document.getElementById('link').dataset.state === 'live'",
          "the live event link", 20);
      chromium.eval("document.getElementById('chat-input').value = 'draw me a red fox in the snow';"
          + "document.getElementById('chat-form').requestSubmit()");
      String image = "document.querySelector('#task-list img.artifact')";
      chromium.waitFor(image + " && " + image + ".complete && " + image + ".naturalWidth > 0",
          "the image in its task", 30);

      assertThat(((Number) chromium.eval(image + ".naturalWidth")).intValue()).isEqualTo(640);
      assertThat(((Number) chromium.eval(image + ".naturalHeight")).intValue()).isEqualTo(480);
      assertThat((String) chromium.eval(image + ".src")).contains("/api/artifacts/").contains("sig=");
      assertThat((String) chromium.eval("document.querySelector('#task-list .task-result').textContent"))
          .isEqualTo("Your image of \"a red fox in the snow\" is ready.");
      assertThat(chromium.log).noneMatch(line -> line.contains("Content Security Policy"))
          .noneMatch(line -> line.startsWith("exception"));
      chromium.screenshot(Path.of("target", "console-image.png"));
    } finally {
      bridge.close().await();
      comfy.close().await();
    }
  }
}
