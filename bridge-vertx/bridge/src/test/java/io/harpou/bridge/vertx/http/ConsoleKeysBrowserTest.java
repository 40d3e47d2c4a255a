package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys from the console's Settings, in Chromium: a key is created and shown once, works, and stops working once
 * revoked; and a request made with an API key can neither list, create nor revoke keys.
 */
class ConsoleKeysBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_create_show_once_and_revoke_a_key_and_refuse_key_management_with_a_key() throws Exception {
    try (ConsolePage page = ConsolePage.open(vertx, dir, TestHouse.start(vertx, dir, new JsonObject()))) {
      HeadlessChromium chromium = page.chromium;
      int port = page.house.port();
      chromium.eval("document.querySelector('nav.tabs button[data-view=\"settings\"]').click()");
      chromium.type("key-name", "tablet");
      chromium.waitFor("!document.getElementById('new-key').hidden", "the new key", 10);
      String key = (String) chromium.eval("document.querySelector('#new-key code').textContent");
      assertThat(key).startsWith("hpk_");
      chromium.waitFor("document.querySelector('#key-list li[data-key-name=\"tablet\"]')", "the key listed", 10);
      Map<String, String> bearer = Map.of("Authorization", "Bearer " + key);
      assertThat(RawHttp.exchange(port, "GET", "/api/tools", bearer, null).status()).isEqualTo(200);

      assertThat(RawHttp.exchange(port, "POST", "/api/keys", Map.of("Authorization", "Bearer " + key,
          "Content-Type", "application/json"), "{\"name\":\"evil\"}").status()).isEqualTo(403);
      assertThat(RawHttp.exchange(port, "GET", "/api/keys", bearer, null).status()).isEqualTo(403);
      assertThat(RawHttp.exchange(port, "DELETE", "/api/keys/tablet", bearer, null).status()).isEqualTo(403);
      // A second key, so that revoking the first does not leave this machine's programs keyless (and admitted).
      chromium.type("key-name", "phone");
      chromium.waitFor("document.querySelectorAll('#key-list li').length === 2", "the two keys, and no other", 10);
      page.screenshots("keys");

      chromium.eval("document.querySelector('#key-list li[data-key-name=\"tablet\"] button').click()");
      chromium.waitFor("document.querySelectorAll('#key-list li').length === 1", "the key revoked", 10);
      Await.until("the revoked key refused",
          () -> RawHttp.exchange(port, "GET", "/api/tools", bearer, null).status() == 401);
    }
  }
}
