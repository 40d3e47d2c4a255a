package io.harpou.testkit.ha;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualHomeProtocolTest extends VirtualHomeTestBase {

  @Override
  VirtualHomeOptions options() {
    return super.options().setAuthTimeoutMillis(300);
  }

  @Test
  void should_announce_version_and_accept_the_right_token() {
    try (WsTestClient c = WsTestClient.connect(vertx, home)) {
      c.send(new JsonObject().put("type", "auth").put("access_token", "test-token"));
      assertThat(c.next()).isEqualTo(new JsonObject().put("type", "auth_ok").put("ha_version", "2025.8.1"));
      assertThat(c.call(new JsonObject().put("id", 1).put("type", "ping")))
          .isEqualTo(new JsonObject().put("id", 1).put("type", "pong"));
    }
  }

  @Test
  void should_answer_auth_invalid_and_close_on_a_wrong_token() {
    try (WsTestClient c = WsTestClient.connect(vertx, home)) {
      c.send(new JsonObject().put("type", "auth").put("access_token", "nope"));
      assertThat(c.next()).isEqualTo(new JsonObject().put("type", "auth_invalid")
          .put("message", "Invalid access token or password"));
      assertThat(c.awaitClose()).isEqualTo((short) 1000);
    }
  }

  @Test
  void should_reject_a_command_sent_before_auth_as_incorrectly_formatted() {
    try (WsTestClient c = WsTestClient.connect(vertx, home)) {
      c.send(new JsonObject().put("type", "call_service").put("domain", "light"));
      JsonObject reply = c.next();
      assertThat(reply.getString("type")).isEqualTo("auth_invalid");
      assertThat(reply.getString("message")).startsWith("Auth message incorrectly formatted");
      c.awaitClose();
    }
  }

  @Test
  void should_close_when_no_auth_message_arrives_in_time() {
    try (WsTestClient c = WsTestClient.connect(vertx, home)) {
      c.awaitClose();
      assertThat(c.messages).isEmpty();
    }
  }

  @Test
  void should_close_without_reply_on_malformed_json() {
    try (WsTestClient c = client()) {
      c.sendText("{not json");
      assertThat(c.awaitClose()).isEqualTo((short) 1000);
      assertThat(c.messages).isEmpty();
    }
  }

  @Test
  void should_reject_ids_that_are_not_positive_integers() {
    try (WsTestClient c = client()) {
      for (Object badId : new Object[] {"5", 0, -3, 2.5, true}) {
        JsonObject reply = c.call(new JsonObject().put("id", badId).put("type", "ping"));
        assertThat(reply.getValue("id")).isEqualTo(badId);
        assertThat(reply.getJsonObject("error")).isEqualTo(new JsonObject().put("code", "invalid_format")
            .put("message", "Message incorrectly formatted."));
      }
      JsonObject noType = c.call(new JsonObject().put("id", 3));
      assertThat(noType.getJsonObject("error").getString("code")).isEqualTo("invalid_format");
      c.sendText("\"just a string\"");
      assertThat(c.next().getInteger("id")).isZero();
      assertThat(c.call(new JsonObject().put("id", 1).put("type", "ping")).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void should_refuse_an_id_that_does_not_increase() {
    try (WsTestClient c = client()) {
      assertThat(c.call(new JsonObject().put("id", 5).put("type", "ping")).getString("type")).isEqualTo("pong");
      for (int id : new int[] {5, 4}) {
        JsonObject reply = c.call(new JsonObject().put("id", id).put("type", "ping"));
        assertThat(reply).isEqualTo(new JsonObject().put("id", id).put("type", "result").put("success", false)
            .put("error", new JsonObject().put("code", "id_reuse").put("message", "Identifier values have to increase.")));
      }
      assertThat(c.call(new JsonObject().put("id", 9).put("type", "ping")).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void should_answer_unknown_command_without_consuming_the_id() {
    try (WsTestClient c = client()) {
      JsonObject reply = c.call(new JsonObject().put("id", 7).put("type", "make_coffee"));
      assertThat(reply.getJsonObject("error")).isEqualTo(new JsonObject().put("code", "unknown_command")
          .put("message", "Unknown command."));
      assertThat(c.call(new JsonObject().put("id", 7).put("type", "ping")).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void should_reject_extra_keys_and_still_consume_the_id() {
    try (WsTestClient c = client()) {
      JsonObject reply = c.call(new JsonObject().put("id", 2).put("type", "get_states").put("foo", 1));
      assertThat(reply.getJsonObject("error").getString("code")).isEqualTo("invalid_format");
      assertThat(reply.getJsonObject("error").getString("message")).contains("extra keys not allowed");
      assertThat(c.call(new JsonObject().put("id", 2).put("type", "ping")).getJsonObject("error")
          .getString("code")).isEqualTo("id_reuse");
    }
  }

  @Test
  void should_serve_states_config_and_services() {
    try (WsTestClient c = client()) {
      JsonArray states = c.call(new JsonObject().put("id", 1).put("type", "get_states")).getJsonArray("result");
      assertThat(states.size()).isGreaterThanOrEqualTo(35);
      JsonObject kitchen = states.stream().map(o -> (JsonObject) o)
          .filter(s -> s.getString("entity_id").equals("light.kitchen")).findFirst().orElseThrow();
      assertThat(kitchen.fieldNames()).containsExactly("entity_id", "state", "attributes", "last_changed",
          "last_reported", "last_updated", "context");
      assertThat(kitchen.getString("last_changed")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
      assertThat(kitchen.getJsonObject("attributes").getString("friendly_name")).isEqualTo("Kitchen light");
      JsonObject config = c.call(new JsonObject().put("id", 2).put("type", "get_config")).getJsonObject("result");
      assertThat(config.getString("version")).isEqualTo("2025.8.1");
      assertThat(config.getString("state")).isEqualTo("RUNNING");
      JsonObject services = c.call(new JsonObject().put("id", 3).put("type", "get_services")).getJsonObject("result");
      assertThat(services.fieldNames()).contains("light", "switch", "cover", "climate", "media_player", "lock",
          "todo", "camera", "timer", "scene", "script", "homeassistant", "persistent_notification", "fan");
      assertThat(services.getJsonObject("todo").getJsonObject("get_items").getJsonObject("response"))
          .isEqualTo(new JsonObject().put("optional", false));
    }
  }

  @Test
  void should_coalesce_ready_messages_into_one_array_frame_once_enabled() throws Exception {
    try (WsTestClient c = client()) {
      c.send(new JsonObject().put("id", 1).put("type", "supported_features")
          .put("features", new JsonObject().put("coalesce_messages", 1)));
      assertThat(c.next().getBoolean("success")).isTrue();
      c.frames.clear();
      c.send(new JsonObject().put("id", 2).put("type", "subscribe_entities")
          .put("entity_ids", new JsonArray().add("light.kitchen")));
      String frame = c.frames.poll(5, java.util.concurrent.TimeUnit.SECONDS);
      JsonArray batch = new JsonArray(frame);
      assertThat(batch.size()).isEqualTo(2);
      assertThat(batch.getJsonObject(0).getString("type")).isEqualTo("result");
      assertThat(batch.getJsonObject(1).getString("type")).isEqualTo("event");
      c.messages.clear();
      c.send(new JsonObject().put("id", 3).put("type", "ping"));
      assertThat(c.frames.poll(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith("{");
    }
  }

  @Test
  void should_send_separate_frames_without_coalescing() throws Exception {
    try (WsTestClient c = client()) {
      c.send(new JsonObject().put("id", 2).put("type", "subscribe_entities")
          .put("entity_ids", new JsonArray().add("light.kitchen")));
      assertThat(c.frames.poll(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith("{");
      assertThat(c.frames.poll(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith("{");
    }
  }

  @Test
  void should_handle_each_command_of_a_client_batch_in_order() {
    try (WsTestClient c = client()) {
      c.sendText(new JsonArray().add(new JsonObject().put("id", 1).put("type", "ping"))
          .add(new JsonObject().put("id", 2).put("type", "get_config")).encode());
      assertThat(c.next().getInteger("id")).isEqualTo(1);
      assertThat(c.next().getInteger("id")).isEqualTo(2);
    }
  }

  @Test
  void should_close_without_reply_on_a_message_over_4_mib() {
    try (WsTestClient c = client()) {
      String padding = "x".repeat(4 * 1024 * 1024 + 16);
      try {
        c.sendText(new JsonObject().put("id", 1).put("type", "ping").put("pad", padding).encode());
      } catch (Exception e) {
        // The server may close while the oversized frame is still being written (broken pipe).
      }
      c.awaitClose();
      assertThat(c.messages).isEmpty();
    }
  }
}
