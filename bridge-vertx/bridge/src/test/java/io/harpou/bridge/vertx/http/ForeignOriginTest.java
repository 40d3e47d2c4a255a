package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no keys (the default), requests a browser sends on behalf of another page, or to a DNS name rebound to this
 * machine, are refused, while programs on this machine and the console (with its token) keep working. Sent from raw
 * sockets with exactly the headers a browser would send; {@link ForeignPageBrowserTest} does the same from Chromium.
 */
class ForeignOriginTest {

  private static final String CONVERSATION = "01JD3XK5Q9V7K2M4N6P8R0T2W4";

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static String say(String text) {
    return "{\"text\":\"" + text + "\",\"conversation_id\":\"" + CONVERSATION + "\"}";
  }

  @Test
  void should_not_unlock_the_door_for_a_page_on_another_origin_posting_text_plain() throws Exception {
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      for (String origin : new String[] {"http://127.0.0.1:" + (house.port() + 1), "http://evil.example", "null"}) {
        Map<String, String> page = Map.of("Origin", origin, "Content-Type", "text/plain;charset=UTF-8",
            "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors");
        RawHttp.Response unlock = RawHttp.exchange(house.port(), "POST", "/api/conversation/process", page,
            say("unlock the front door"));
        RawHttp.Response yes = RawHttp.exchange(house.port(), "POST", "/api/conversation/process", page, say("yes"));

        assertThat(house.state("lock.front_door")).as(origin).isEqualTo("locked");
        assertThat(unlock.status()).as(origin).isEqualTo(403);
        assertThat(yes.status()).as(origin).isEqualTo(403);
        assertThat(new JsonObject(unlock.body()).getJsonObject("error").getString("code"))
            .isEqualTo("origin_not_allowed");
      }
    }
  }

  @Test
  void should_refuse_a_dns_name_rebound_to_this_machine() throws Exception {
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      String rebound = "rebound.example:" + house.port();
      Map<String, String> page = Map.of("Host", rebound, "Origin", "http://" + rebound,
          "Content-Type", "application/json", "Sec-Fetch-Site", "same-origin");

      RawHttp.Response unlock = RawHttp.exchange(house.port(), "POST", "/api/conversation/process", page,
          say("unlock the front door"));
      RawHttp.Response yes = RawHttp.exchange(house.port(), "POST", "/api/conversation/process", page, say("yes"));
      RawHttp.Response audit = RawHttp.exchange(house.port(), "GET", "/api/audit", Map.of("Host", rebound), null);
      Object socket = RawHttp.upgrade(house.port(), "/api/events", Map.of("Host", rebound, "Origin",
          "http://" + rebound));

      assertThat(house.state("lock.front_door")).isEqualTo("locked");
      assertThat(unlock.status()).isEqualTo(403);
      assertThat(yes.status()).isEqualTo(403);
      assertThat(audit.status()).isEqualTo(403);
      assertThat(new JsonObject(audit.body()).getJsonObject("error").getString("code")).isEqualTo("host_not_allowed");
      assertThat(socket).isInstanceOf(RawHttp.Response.class);
      assertThat(((RawHttp.Response) socket).status()).isEqualTo(403);
    }
  }

  @Test
  void should_refuse_the_event_socket_to_a_page_on_another_origin() throws Exception {
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      Object socket = RawHttp.upgrade(house.port(), "/api/events", Map.of("Origin",
          "http://127.0.0.1:" + (house.port() + 1), "Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode", "websocket"));

      assertThat(socket).isInstanceOf(RawHttp.Response.class);
      assertThat(((RawHttp.Response) socket).status()).isEqualTo(403);
    }
  }

  @Test
  void should_refuse_reads_a_foreign_page_makes_without_an_origin() throws Exception {
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      RawHttp.Response image = RawHttp.exchange(house.port(), "GET", "/api/home", Map.of("Sec-Fetch-Site",
          "cross-site", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image"), null);
      RawHttp.Response link = RawHttp.exchange(house.port(), "GET", "/console/", Map.of("Sec-Fetch-Site",
          "cross-site", "Sec-Fetch-Mode", "navigate"), null);

      assertThat(image.status()).isEqualTo(403);
      assertThat(link.status()).as("a link to the console opens it").isEqualTo(200);
    }
  }

  @Test
  void should_ask_the_console_for_its_token_and_act_once_it_has_it() throws Exception {
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      String token = Files.readString(dir.resolve("data/console-token")).strip();
      Map<String, String> console = Map.of("Origin", "http://127.0.0.1:" + house.port(),
          "Sec-Fetch-Site", "same-origin");
      Map<String, String> withToken = Map.of("Origin", "http://127.0.0.1:" + house.port(),
          "Sec-Fetch-Site", "same-origin", "Authorization", "Bearer " + token);

      RawHttp.Response without = RawHttp.postJson(house.port(), "/api/conversation/process", console,
          say("turn on the kitchen light"));
      RawHttp.Response with = RawHttp.postJson(house.port(), "/api/conversation/process", withToken,
          say("turn on the kitchen light"));

      assertThat(without.status()).isEqualTo(401);
      assertThat(without.body()).contains("link Harpou printed");
      assertThat(with.status()).isEqualTo(200);
      assertThat(house.state("light.kitchen")).isEqualTo("on");
      assertThat(house.bridge.consoleUrl()).contains("http://127.0.0.1:" + house.port() + "/#token=" + token);
    }
  }

  @Test
  void should_let_programs_on_this_machine_act_without_key_or_token_while_no_key_exists() throws Exception {
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      RawHttp.Response curl = RawHttp.postJson(house.port(), "/api/conversation/process", Map.of(
          "User-Agent", "curl/8.5.0"), say("turn on the kitchen light"));
      RawHttp.Response openWebUi = RawHttp.exchange(house.port(), "GET", "/v1/models", Map.of(
          "Authorization", "Bearer sk-placeholder", "Host", "localhost:" + house.port()), null);
      Object socket = RawHttp.upgrade(house.port(), "/api/events", Map.of());

      assertThat(curl.status()).isEqualTo(200);
      assertThat(house.state("light.kitchen")).isEqualTo("on");
      assertThat(openWebUi.status()).isEqualTo(200);
      try (Socket events = (Socket) socket) {
        RawHttp.sendText(events, "{\"type\":\"subscribe\"}");
        assertThat(RawHttp.readFrame(events).text()).contains("subscribed");
      }
    }
  }
}
