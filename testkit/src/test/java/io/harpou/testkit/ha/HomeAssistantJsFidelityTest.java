package io.harpou.testkit.ha;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Home Assistant's own frontend library, home-assistant-js-websocket, run by Node against the virtual home. */
class HomeAssistantJsFidelityTest extends VirtualHomeTestBase {

  private static final Path JS_DIR = Path.of("src/test/js").toAbsolutePath();

  @Test
  void should_satisfy_home_assistant_js_websocket() throws Exception {
    JsonObject result = runNode("fidelity.mjs", home.url(), home.accessToken());

    assertThat(result.getBoolean("ok")).as(result.encode()).isTrue();
    assertThat(result.getBoolean("badTokenRejected")).isTrue();
    assertThat(result.getString("haVersion")).isEqualTo("2025.8.1");
    assertThat(result.getInteger("entityCount")).isEqualTo(home.entityIds().size());
    assertThat(result.getString("kitchenBefore")).isEqualTo("off");
    assertThat(result.getString("kitchenFriendlyName")).isEqualTo("Kitchen light");
    assertThat(result.getString("kitchenAfter")).isEqualTo("on");
    assertThat(result.getInteger("kitchenBrightness")).isEqualTo(128);
    assertThat(result.getString("kitchenContextId")).isEqualTo(result.getString("callContextId"));
    assertThat(result.getJsonObject("stateChanged")).isEqualTo(new JsonObject().put("entity", "light.kitchen")
        .put("oldState", "off").put("newState", "on"));
    assertThat(result.getJsonArray("shoppingItems")).isEqualTo(new JsonArray().add("Milk").add("Cat food")
        .add("Coffee beans"));
    assertThat(result.getString("unknownServiceError")).isEqualTo("not_found");
    assertThat(result.getInteger("getStatesCount")).isEqualTo(home.entityIds().size());
    assertThat(result.getString("configVersion")).isEqualTo("2025.8.1");
    assertThat(result.getBoolean("servicesHaveLightTurnOn")).isTrue();
    assertThat(result.getInteger("areaCount")).isEqualTo(8);
    assertThat(result.getBoolean("pinged")).isTrue();
    assertThat(home.state("light.kitchen").getString("state")).isEqualTo("on");
  }

  static JsonObject runNode(String script, String... args) throws IOException, InterruptedException {
    if (!Files.isDirectory(JS_DIR.resolve("node_modules/home-assistant-js-websocket"))
        || !Files.isDirectory(JS_DIR.resolve("node_modules/ws"))) {
      fail("The JavaScript peer is not installed: run `npm ci --prefix testkit/src/test/js` (from the repository "
          + "root) before `mvn test`.");
    }
    String[] command = new String[args.length + 2];
    command[0] = "node";
    command[1] = script;
    System.arraycopy(args, 0, command, 2, args.length);
    Process process = new ProcessBuilder(command).directory(JS_DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output;
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        fail("node " + script + " did not finish within 60 s");
      }
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } finally {
      process.destroyForcibly();
    }
    String lastLine = output.substring(output.lastIndexOf('\n') + 1);
    assertThat(lastLine).as("node output: " + output).startsWith("{");
    return new JsonObject(lastLine);
  }
}
