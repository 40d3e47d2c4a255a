package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key check is decided on the path the router serves, so a path that only looks like the public console's
 * ({@code /console/../api/...}, sent as is, as {@code curl --path-as-is} does) reaches nothing without a key.
 */
class DottedPathTest {

  private static final String CONVERSATION = "01JD3XK5Q9V7K2M4N6P8R0T2W4";
  private static final String[] DOTTED = {"/console/../api", "/console/%2e%2e/api", "/console/./../api",
      "/console/%2E%2E/api"};

  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_not_unlock_the_door_for_a_request_sent_through_a_dotted_console_path_without_a_key() throws Exception {
    TestHouse.createKey(vertx, dir, "owner");
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      for (String prefix : DOTTED) {
        RawHttp.Response unlock = RawHttp.postJson(house.port(), prefix + "/conversation/process", Map.of(),
            "{\"text\":\"unlock the front door\",\"conversation_id\":\"" + CONVERSATION + "\"}");
        RawHttp.Response yes = RawHttp.postJson(house.port(), prefix + "/conversation/process", Map.of(),
            "{\"text\":\"yes\",\"conversation_id\":\"" + CONVERSATION + "\"}");

        assertThat(house.state("lock.front_door")).as(prefix + " " + unlock.body() + yes.body()).isEqualTo("locked");
        assertThat(unlock.status()).as(prefix).isEqualTo(401);
        assertThat(yes.status()).as(prefix).isEqualTo(401);
      }
    }
  }

  @Test
  void should_refuse_reads_and_the_event_socket_through_dotted_paths_without_a_key() throws Exception {
    TestHouse.createKey(vertx, dir, "owner");
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject())) {
      for (String prefix : DOTTED) {
        RawHttp.Response audit = RawHttp.exchange(house.port(), "GET", prefix + "/audit", Map.of(), null);
        Object upgraded = RawHttp.upgrade(house.port(), prefix + "/events", Map.of());

        assertThat(audit.status()).as(prefix).isEqualTo(401);
        assertThat(audit.body()).doesNotContain("entries");
        // The socket may open, as the console's does, but must authenticate with its first message.
        assertThat(upgraded).as(prefix).isInstanceOf(Socket.class);
        try (Socket socket = (Socket) upgraded) {
          RawHttp.sendText(socket, "{\"type\":\"subscribe\"}");
          RawHttp.Frame answer = RawHttp.readFrame(socket);
          assertThat(answer.opcode()).as(prefix + ": " + answer.text()).isEqualTo(8);
          assertThat(answer.closeCode()).isEqualTo(1008);
        }
      }
    }
  }

  @Test
  void should_count_a_dotted_path_against_the_key_s_rate() throws Exception {
    String key = TestHouse.createKey(vertx, dir, "phone");
    try (TestHouse house = TestHouse.start(vertx, dir, new JsonObject().put("rate_limit_per_minute", 2))) {
      Map<String, String> bearer = Map.of("Authorization", "Bearer " + key);
      // Reads have ten times the allowance of commands.
      for (int i = 0; i < 20; i++) {
        assertThat(RawHttp.exchange(house.port(), "GET", "/api/tools", bearer, null).status()).isEqualTo(200);
      }

      RawHttp.Response third = RawHttp.exchange(house.port(), "GET", "/console/../api/tools", bearer, null);

      assertThat(third.status()).isEqualTo(429);
    }
  }
}
