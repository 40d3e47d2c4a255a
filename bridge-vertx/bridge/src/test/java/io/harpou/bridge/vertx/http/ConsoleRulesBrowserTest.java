package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The announcement rules in the console, in Chromium: the configuration's rule is listed without a way to delete it;
 * a rule added through the form reaches Harpou's rules, its words shown as text, never as HTML; deleting it removes
 * it from Harpou.
 */
class ConsoleRulesBrowserTest {

  private static final String SAY = "<img src=x onerror=\"window.pwned=1\">The front door is unlocked.";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** The rule Harpou keeps with that id, as a program on this machine reads it. */
  private static Optional<JsonObject> rule(TestHouse house, String say) {
    JsonArray rules = new JsonObject(RawHttp.exchange(house.port(), "GET", "/api/rules", Map.of(), null).body())
        .getJsonArray("rules");
    return rules.stream().map(JsonObject.class::cast).filter(r -> say.equals(r.getString("say"))).findFirst();
  }

  @Test
  void should_list_add_and_delete_announcement_rules() throws Exception {
    JsonObject configured = new JsonObject().put("id", "kitchen_on").put("when", new JsonObject()
        .put("entity_id", "light.kitchen").put("state", "on").put("for_minutes", 10))
        .put("say", "The kitchen light has been on for ten minutes.");
    TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), new JsonObject().put("notifications",
        new JsonObject().put("rules", new JsonArray().add(configured))));
    try (ConsolePage page = ConsolePage.open(vertx, dir, house)) {
      HeadlessChromium chromium = page.chromium;
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"activity\"]').click()");
      String kept = "document.querySelector('li.rule[data-rule-id=\"kitchen_on\"]')";
      chromium.waitFor(kept, "the configuration's rule", 10);
      assertThat((String) chromium.eval(kept + ".textContent")).contains("light.kitchen is on for 10 min")
          .contains("The kitchen light has been on for ten minutes.").contains("from the configuration");
      assertThat(chromium.eval(kept + ".querySelector('button')")).isNull();

      chromium.eval("document.getElementById('rule-entity').value = 'lock.front_door';"
          + "document.getElementById('rule-value').value = 'unlocked';"
          + "document.getElementById('rule-minutes').value = '5';"
          + "document.getElementById('rule-say').value = " + new JsonArray().add(SAY).encode() + "[0];"
          + "document.getElementById('rule-rooms').value = 'kitchen';"
          + "document.getElementById('rule-form').requestSubmit()");
      String added = "[...document.querySelectorAll('li.rule')].find(r => r.dataset.origin === 'api')";
      chromium.waitFor(added, "the added rule listed", 10);
      JsonObject stored = rule(house, SAY).orElseThrow();
      assertThat(stored.getJsonObject("when").getString("entity_id")).isEqualTo("lock.front_door");
      assertThat(stored.getJsonArray("rooms")).containsExactly("kitchen");
      assertThat((String) chromium.eval(added + ".textContent")).contains("lock.front_door is unlocked for 5 min")
          .contains(SAY).contains("in kitchen");
      assertThat(chromium.eval("document.querySelectorAll('#rule-list img').length")).isEqualTo(0);
      assertThat(chromium.eval("typeof window.pwned")).isEqualTo("undefined");
      page.screenshots("rules");

      chromium.eval(added + ".querySelector('button').click()");
      chromium.waitFor("!" + added, "the rule gone from the list", 10);
      Await.until("the rule gone from Harpou", () -> rule(house, SAY).isEmpty());
      assertThat(rule(house, "The kitchen light has been on for ten minutes.")).isPresent();
    }
  }
}
