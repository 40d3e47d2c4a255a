package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controlling the house from the console's panel, in Chromium: a light's switch and brightness act on the virtual
 * home through the policy point and leave audit rows; unlocking the front door asks in the chat, and only its Yes
 * unlocks it.
 */
class ConsoleControlBrowserTest {

  private static final String KITCHEN_ROW = "document.querySelector('li.device[data-entity-id=\"light.kitchen\"]')";
  private static final String DOOR_ROW = "document.querySelector('li.device[data-entity-id=\"lock.front_door\"]')";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_switch_and_dim_a_light_and_unlock_the_door_only_after_yes() throws Exception {
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject()))) {
      HeadlessChromium chromium = page.chromium;
      TestHouse house = page.house;

      chromium.eval(KITCHEN_ROW + ".querySelector('button.control').click()");
      chromium.waitFor(ConsolePage.KITCHEN + ".textContent === 'on'", "the light on", 10);
      assertThat(house.state("light.kitchen")).isEqualTo("on");
      chromium.eval("const r = " + KITCHEN_ROW + ".querySelector('input.range'); r.value = '40';"
          + " r.dispatchEvent(new Event('change'))");
      Await.until("the kitchen light at 40 %", () -> Integer.valueOf(102).equals(house.home.state("light.kitchen")
          .getJsonObject("attributes").getInteger("brightness")));
      chromium.eval("document.getElementById('audit-refresh').click()");
      chromium.waitFor("[...document.querySelectorAll('#audit-rows td')].filter(td => td.textContent === "
          + "'call_service').length === 2", "two audit rows for the panel's calls", 10);

      chromium.eval(DOOR_ROW + ".querySelector('button.control').click()");
      chromium.waitFor("document.querySelector('.msg.agent .confirm button.yes')", "the question in the chat", 10);
      assertThat((String) chromium.eval("document.querySelector('.msg.agent .text').textContent"))
          .containsIgnoringCase("front door");
      assertThat(house.state("lock.front_door")).isEqualTo("locked");
      chromium.eval("document.querySelector('.msg.agent .confirm button.yes').click()");
      assertThat(page.answer(2)).isEqualTo("Done.");
      assertThat(house.state("lock.front_door")).isEqualTo("unlocked");
      page.screenshots("controls");
    }
  }
}
