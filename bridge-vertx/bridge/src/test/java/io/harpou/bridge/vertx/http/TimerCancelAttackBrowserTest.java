package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.timer.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DELETE /api/timers/{id}} attacked over real sockets: a page on another port in Chromium, a program without a
 * key, and a second member of the household with a key of their own all try to cancel a timer; it still counts down,
 * and its owner's key then cancels it.
 */
class TimerCancelAttackBrowserTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static String attackerPage(int hubPort, String timerId) {
    return """
        <!doctype html><html><body><script>
        window.attack = { done: false, outcome: [] };
        (async () => {
          for (const mode of ['cors', 'no-cors']) {
            await fetch('http://127.0.0.1:HUB/api/timers/TIMER', { method: 'DELETE', mode })
              .then((r) => attack.outcome.push(mode + ' ' + r.status), () => attack.outcome.push(mode + ' failed'));
          }
          attack.done = true;
        })();
        </script></body></html>
        """.replace("HUB", Integer.toString(hubPort)).replace("TIMER", timerId);
  }

  @Test
  void should_keep_a_timer_running_when_a_foreign_page_a_keyless_program_or_another_key_cancels_it()
      throws Exception {
    String alice = TestHouse.createKey(vertx, dir, "alice");
    String bob = TestHouse.createKey(vertx, dir, "bob");
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject(), TimerModel.sections(vertx))) {
      RawHttp.Response set = RawHttp.postJson(house.port(), "/api/conversation/process",
          Map.of("authorization", "Bearer " + alice), "{\"text\":\"set a timer for 10 minutes\"}");
      assertThat(set.status()).isEqualTo(200);
      List<Timer> timers = house.bridge.timers().orElseThrow().list();
      assertThat(timers).hasSize(1);
      String id = timers.get(0).id();
      String path = "/api/timers/" + id;

      String page = attackerPage(house.port(), id);
      HttpServer attacker = vertx.createHttpServer().requestHandler(request -> request.response()
          .putHeader("content-type", "text/html").end(page)).listen(0, "127.0.0.1").await();
      try (HeadlessChromium chromium = HeadlessChromium.launch(vertx,
          Files.createDirectories(dir.resolve("profile")))) {
        chromium.navigate("http://127.0.0.1:" + attacker.actualPort() + "/");
        chromium.waitFor("window.attack && window.attack.done", "the attack to run", 30);
        assertThat(chromium.eval("attack.outcome.join()")).as("the page never saw a timer cancelled")
            .isEqualTo("cors failed,no-cors failed");
      } finally {
        attacker.close().await();
      }
      assertThat(RawHttp.exchange(house.port(), "DELETE", path, Map.of(), null).status()).isEqualTo(401);
      RawHttp.Response other = RawHttp.exchange(house.port(), "DELETE", path,
          Map.of("authorization", "Bearer " + bob), null);
      assertThat(other.status()).isEqualTo(403);
      assertThat(other.body()).contains("only the timers it set");

      assertThat(house.bridge.timers().orElseThrow().list()).extracting(Timer::id).as("the timer still counts down")
          .containsExactly(id);
      assertThat(RawHttp.exchange(house.port(), "DELETE", path, Map.of("authorization", "Bearer " + alice), null)
          .status()).isEqualTo(200);
      assertThat(house.bridge.timers().orElseThrow().list()).as("cancelled by the key that set it").isEmpty();
    }
  }
}
