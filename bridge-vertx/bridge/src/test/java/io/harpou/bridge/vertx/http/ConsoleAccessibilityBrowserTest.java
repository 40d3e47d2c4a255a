package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against axe-core (pinned in {@code src/test/axe/package-lock.json}) in Chromium, in light and dark, in
 * every view:
 * every text keeps 4.5:1 contrast, every control has a label, with a turn, its tool step, a timer and the live badge
 * on the page; and the site has an icon at {@code /favicon.ico}.
 */
class ConsoleAccessibilityBrowserTest {

  private static final Path AXE = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** The WCAG 2 A and AA violations axe finds on the page now, one line per element. */
  static JsonArray violations(HeadlessChromium chromium) throws Exception {
    if (!Files.exists(AXE)) {
      fail("axe-core is missing: run npm ci in bridge-vertx/bridge/src/test/axe (./harpou test does)");
    }
    chromium.eval(Files.readString(AXE));
    return new JsonArray((String) chromium.eval("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a',"
        + " 'wcag2aa']}}).then(r => JSON.stringify(r.violations.flatMap(v => v.nodes.map(n => v.id + ' '"
        + " + n.target.join(' ') + ': ' + n.failureSummary))))"));
  }

  @Test
  void should_keep_contrast_and_labels_in_light_and_dark_and_serve_an_icon() throws Exception {
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject(),
        TimerModel.sections(vertx)))) {
      HeadlessChromium chromium = page.chromium;
      page.ask("turn on the kitchen light", 1);
      page.ask("set a timer for 5 minutes", 2);
      chromium.waitFor("document.querySelector('#task-list li.task')", "the timer", 10);
      // Animations and transitions settle, so axe measures the colours a person sees.
      chromium.eval("new Promise(r => setTimeout(r, 1500))");

      for (String scheme : new String[] {"light", "dark"}) {
        chromium.call("Emulation.setEmulatedMedia", new JsonObject().put("features", new JsonArray()
            .add(new JsonObject().put("name", "prefers-color-scheme").put("value", scheme))));
        for (String view : new String[] {"talk", "house", "tasks", "activity", "settings"}) {
          chromium.eval("document.querySelector('nav.tabs button[data-view=\"" + view + "\"]').click()");
          assertThat(violations(chromium).getList()).as("axe in " + scheme + " on " + view).isEmpty();
        }
      }
      assertThat(chromium.eval("document.getElementById('chat-input').labels[0].textContent"))
          .isEqualTo("Message to Harpou");

      HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + page.house.port() + "/favicon.ico")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(icon.statusCode()).isEqualTo(200);
      assertThat(icon.headers().firstValue("content-type")).hasValue("image/x-icon");
      assertThat(icon.body()).startsWith(new byte[] {0, 0, 1, 0});
    }
  }
}
