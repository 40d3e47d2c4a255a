package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack a web page can make on a hub with no keys (the default), in a real headless Chromium that also holds the
 * console's token: a page served from another port of 127.0.0.1 posts "unlock the front door" then "yes" with
 * {@code fetch} (text/plain, no-cors) and with HTML forms, and opens the events WebSocket, while the house is busy.
 * The door stays locked, no event reaches the page, and the console, opened through its tokenised link, still acts.
 */
class ForeignPageBrowserTest {

  private static final String CONVERSATION = "01JD3XK5Q9V7K2M4N6P8R0T2W4";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** The attacker's page: every request it can make to the hub, recorded in {@code window.attack}. */
  private static String attackerPage(int hubPort) {
    String hub = "127.0.0.1:" + hubPort;
    String field = "{\"conversation_id\":\"" + CONVERSATION + "\",\"pad\":\"";
    return """
        <!doctype html><html><body>
        <iframe name="sink1"></iframe><iframe name="sink2"></iframe>
        <form id="unlock" method="POST" action="http://HUB/api/conversation/process" enctype="text/plain"
              target="sink1"><input name='FIELD' value='","text":"unlock the front door"}'></form>
        <form id="yes" method="POST" action="http://HUB/api/conversation/process" enctype="text/plain"
              target="sink2"><input name='FIELD' value='","text":"yes"}'></form>
        <script>
        window.attack = { fetches: [], reads: [], socket: [], done: false };
        const post = (text) => fetch('http://HUB/api/conversation/process', { method: 'POST', mode: 'no-cors',
            headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ text, conversation_id: 'CONV' }) })
          .then((r) => attack.fetches.push(r.type), (e) => attack.fetches.push('failed'));
        const pause = (ms) => new Promise((r) => setTimeout(r, ms));
        (async () => {
          const ws = new WebSocket('ws://HUB/api/events');
          ws.onopen = () => { attack.socket.push('open'); ws.send(JSON.stringify({ type: 'subscribe' })); };
          ws.onmessage = (m) => attack.socket.push(m.data);
          ws.onclose = (e) => attack.socket.push('closed');
          await post('unlock the front door');
          await post('yes');
          await fetch('http://HUB/api/audit').then((r) => r.text()).then((t) => attack.reads.push(t),
              () => attack.reads.push('failed'));
          document.getElementById('unlock').submit();
          await pause(700);
          document.getElementById('yes').submit();
          await pause(700);
          attack.done = true;
        })();
        </script></body></html>
        """.replace("HUB", hub).replace("FIELD", field).replace("CONV", CONVERSATION);
  }

  @Test
  void should_keep_the_door_locked_and_the_events_private_from_a_page_on_another_port() throws Exception {
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      String page = attackerPage(house.port());
      HttpServer attacker = vertx.createHttpServer().requestHandler(request -> request.response()
          .putHeader("content-type", "text/html").end(page)).listen(0, "127.0.0.1").await();
      String console = house.bridge.consoleUrl().orElseThrow();
      assertThat(house.state("lock.front_door")).isEqualTo("locked");

      try (HeadlessChromium chromium = HeadlessChromium.launch(vertx,
          Files.createDirectories(dir.resolve("profile")))) {
        chromium.navigate(console);
        chromium.waitFor("document.getElementById('link')?.dataset.state === 'live'", "the console's live link", 20);
        assertThat(chromium.eval("location.hash")).as("the token leaves the address bar").isEqualTo("");
        typeInConsole(chromium, "turn on the kitchen light");
        chromium.waitFor("document.querySelector('.msg.agent:not(.working)')", "the agent's reply", 20);
        chromium.waitFor("document.querySelector('li.device[data-entity-id=\"light.kitchen\"] .state')"
            + ".textContent === 'on'", "the kitchen light on, live in the console", 20);

        chromium.navigate("http://127.0.0.1:" + attacker.actualPort() + "/");
        chromium.waitFor("window.attack && window.attack.done", "the attack to run", 30);
        RawHttp.postJson(house.port(), "/api/conversation/process", Map.of(),
            "{\"text\":\"turn off the kitchen light\"}");
        Thread.sleep(500);
        JsonObject attack = (JsonObject) chromium.eval("window.attack");

        assertThat(house.state("lock.front_door")).isEqualTo("locked");
        assertThat(house.state("light.kitchen")).as("the house was busy while the page listened").isEqualTo("off");
        assertThat(attack.getJsonArray("fetches")).hasSize(2);
        assertThat(attack.getJsonArray("reads")).containsExactly("failed");
        assertThat(attack.getJsonArray("socket").stream().map(String::valueOf))
            .noneMatch(message -> message.contains("event") || message.contains("subscribed"));
        assertThat(refusalsFrom(house, "http://127.0.0.1:" + attacker.actualPort())).isPositive();

        chromium.navigate("http://127.0.0.1:" + house.port() + "/");
        chromium.waitFor("document.getElementById('link')?.dataset.state === 'live'", "the console again", 20);
        typeInConsole(chromium, "turn on the kitchen light");
        // The console shows the conversation kept from before too, so the light itself tells this turn's outcome.
        Await.until("the console kept its token: the light on", () -> "on".equals(house.state("light.kitchen")));
      } finally {
        attacker.close().await();
      }
    }
  }

  private static void typeInConsole(HeadlessChromium chromium, String text) {
    chromium.eval("document.getElementById('chat-input').value = '" + text + "';"
        + "document.getElementById('chat-form').requestSubmit()");
  }

  /** The audited refusals naming the attacker's origin, as a program on this machine reads them. */
  private static long refusalsFrom(TestHouse house, String origin) {
    JsonArray rows = new JsonObject(RawHttp.exchange(house.port(), "GET", "/api/audit?tool=http_api", Map.of(), null)
        .body()).getJsonArray("entries");
    return rows.stream().map(JsonObject.class::cast)
        .filter(row -> String.valueOf(row.getString("detail")).contains(origin)).count();
  }
}
