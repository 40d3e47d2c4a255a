package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.http.impl.ConsoleInfoHandler;
import io.harpou.testkit.ollama.OllamaReply;
import io.harpou.testkit.ollama.ScriptedOllama;
import io.harpou.testkit.ollama.ScriptedOllamaOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console tells the truth about its links, in Chromium: while the hub is stopped it says so and shows the house
 * as last known; after a restart it loads the house again; when Home Assistant is unreachable or refuses the token,
 * the badge stops saying "live" and a banner names Home Assistant's URL, the reason and the fix.
 */
class ConsoleLinkBrowserTest {

  private static final String BADGE = "document.getElementById('link')";
  private static final String BANNER = "document.getElementById('health')";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_say_the_hub_is_offline_and_reload_the_house_when_it_comes_back() throws Exception {
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject());
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      assertThat(chromium.eval(ConsolePage.KITCHEN + ".textContent")).isEqualTo("off");

      house.stopHub();
      chromium.waitFor(BADGE + ".dataset.state === 'offline'", "the offline badge", 20);
      assertThat(chromium.eval(BADGE + ".textContent")).isEqualTo("Harpou offline");
      assertThat((String) chromium.eval(BANNER + ".textContent")).contains("Harpou is not answering");
      assertThat((String) chromium.eval("document.getElementById('home-status').textContent"))
          .contains("Harpou is offline").doesNotContain("connected");
      house.home.setState("light.kitchen", "on");
      page.screenshots("offline");

      house.startHub();
      chromium.waitFor(BADGE + ".dataset.state === 'live'", "the link back", 30);
      chromium.waitFor(ConsolePage.KITCHEN + ".textContent === 'on'", "the house reloaded after the restart", 20);
      assertThat(chromium.eval(BANNER + ".hidden")).isEqualTo(true);
    }
  }

  @Test
  void should_show_home_assistant_down_with_its_url_reason_and_fix_instead_of_a_live_badge() throws Exception {
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("home_assistant",
        new JsonObject().put("initial_backoff_ms", 50).put("max_backoff_ms", 200).put("max_auth_backoff_ms", 200)));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      assertThat(chromium.eval(BANNER + ".hidden")).isEqualTo(true);

      house.home.faults().rejectAuth(true);
      house.home.faults().dropNow();

      chromium.waitFor(BANNER + ".textContent.includes('refused Harpou\\'s access token')", "the token banner", 20);
      String banner = (String) chromium.eval(BANNER + ".textContent");
      assertThat(banner).contains(house.home.url()).contains("HARPOU_HA_TOKEN");
      assertThat(chromium.eval(BADGE + ".dataset.state")).isEqualTo("degraded");
      assertThat((String) chromium.eval("document.body.innerText")).doesNotContain("auth_failed")
          .doesNotContain("reconnecting");
      page.screenshots("home-assistant-down");

      house.home.faults().rejectAuth(false);
      chromium.waitFor(BADGE + ".dataset.state === 'live'", "Home Assistant back", 30);
      assertThat(chromium.eval(BANNER + ".hidden")).isEqualTo(true);
    }
  }

  @Test
  void should_name_a_failing_model_with_its_reason_and_fix_and_show_the_version() throws Exception {
    ScriptedOllama model = ScriptedOllama.create(vertx, new ScriptedOllamaOptions()).start().await();
    model.fallback(OllamaReply.error(500, "model runner crashed"));
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("agent", new JsonObject()
        .put("ollama", new JsonObject().put("url", model.baseUrl()).put("model", "qwen3:8b"))));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      assertThat(chromium.eval("document.getElementById('version').textContent"))
          .isEqualTo("Harpou " + ConsoleInfoHandler.VERSION);
      assertThat(ConsoleInfoHandler.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");

      page.ask("what is the meaning of life", 1);

      String problem = BANNER + ".querySelector('[data-component=\"agent\"]')";
      chromium.waitFor(problem, "the model's problem in the banner", 20);
      String text = (String) chromium.eval(problem + ".textContent");
      assertThat(text).contains("The language model is not answering").contains(model.baseUrl());
      assertThat((String) chromium.eval(problem + ".querySelector('.fix').textContent"))
          .contains("Check that the model server is running");
      assertThat(chromium.eval(BADGE + ".dataset.state")).isEqualTo("live");
    }
  }
}
