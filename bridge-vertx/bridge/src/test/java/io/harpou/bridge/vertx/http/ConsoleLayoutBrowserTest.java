package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on a phone (390x844) and a desktop (1400x900), in Chromium: navigation between Talk, House, Tasks,
 * Activity and Settings keeps every view short; the page is installable (a manifest with icons); the theme can be
 * chosen by hand and is kept; French can be chosen, and then sets the language of replies unless the text is clearly
 * English.
 */
class ConsoleLayoutBrowserTest {

  private static final String[] VIEWS = {"talk", "house", "tasks", "activity", "settings"};

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static void view(HeadlessChromium chromium, String view) {
    chromium.eval("document.querySelector('nav.tabs button[data-view=\"" + view + "\"]').click()");
    chromium.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
  }

  @Test
  void should_navigate_short_views_on_a_phone_install_and_keep_theme_and_language() throws Exception {
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject()))) {
      HeadlessChromium chromium = page.chromium;
      page.ask("turn on the kitchen light", 1);
      chromium.viewport(390, 844, true);
      // A phone opens the page at its own size.
      page.reload();
      for (String view : VIEWS) {
        view(chromium, view);
        assertThat(chromium.eval("document.querySelector('main').dataset.view")).isEqualTo(view);
        assertThat(((Number) chromium.eval("document.documentElement.scrollHeight")).intValue())
            .as("the %s view's height on a phone", view).isLessThan(1700);
        assertThat(((Number) chromium.eval("document.documentElement.scrollWidth")).intValue())
            .as("no sideways scrolling in %s", view).isLessThanOrEqualTo(390);
        assertThat(chromium.eval("[...document.querySelectorAll('main > .panel')].filter(p => "
            + "getComputedStyle(p).display !== 'none').every(p => p.dataset.view === '" + view + "')"))
            .as("only the %s view shows on a phone", view).isEqualTo(true);
        chromium.screenshot(Path.of("target", "console-view-" + view + "-phone.png"));
      }
      chromium.viewport(1400, 900, false);
      view(chromium, "house");
      assertThat(chromium.eval("getComputedStyle(document.querySelector('.chat')).display")).isEqualTo("flex");
      chromium.screenshot(Path.of("target", "console-view-house.png"));

      JsonObject manifest = new JsonObject((String) chromium.eval("fetch(document.querySelector("
          + "'link[rel=manifest]').href).then(r => r.text())"));
      assertThat(manifest.getString("display")).isEqualTo("standalone");
      assertThat(manifest.getString("start_url")).isEqualTo("/console/");
      assertThat(manifest.getJsonArray("icons").stream().map(i -> ((JsonObject) i).getString("sizes")))
          .contains("192x192", "512x512");
      assertThat(chromium.eval("Promise.all(['icon-192.png', 'icon-512.png'].map(i => fetch(i)"
          + ".then(r => r.status + ' ' + r.headers.get('content-type')))).then(a => a.join())"))
          .isEqualTo("200 image/png,200 image/png");

      view(chromium, "settings");
      chromium.eval("const theme = document.getElementById('theme'); theme.value = 'dark';"
          + " theme.dispatchEvent(new Event('change'))");
      chromium.eval("const lang = document.getElementById('language'); lang.value = 'fr';"
          + " lang.dispatchEvent(new Event('change'))");
      page.reload();
      assertThat(chromium.eval("document.documentElement.dataset.theme")).isEqualTo("dark");
      assertThat(chromium.eval("getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(17, 20, 26)");
      assertThat(chromium.eval("document.documentElement.lang")).isEqualTo("fr");
      assertThat(chromium.eval("document.querySelector('nav.tabs button[data-view=\"house\"]').textContent"))
          .isEqualTo("Maison");
      page.screenshots("french-dark");

      view(chromium, "talk");
      int before = ((Number) chromium.eval("document.querySelectorAll('.msg.agent').length")).intValue();
      assertThat(page.ask("unlock the front door", before + 1)).as("clearly English: answered in English")
          .contains("Say yes to confirm");
      assertThat(page.ask("non", before + 2)).as("the chosen language").isEqualTo("D'accord, je ne le fais pas.");
    }
  }
}
