package io.harpou.testkit.ha;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class VirtualHomeFaultsTest extends VirtualHomeTestBase {

  private static JsonObject ping(int id) {
    return new JsonObject().put("id", id).put("type", "ping");
  }

  private static JsonObject turnOnOffice(int id) {
    return new JsonObject().put("id", id).put("type", "call_service").put("domain", "light").put("service", "turn_on")
        .put("target", new JsonObject().put("entity_id", "light.office"));
  }

  @Test
  void should_drop_every_connection_now() {
    try (WsTestClient a = client(); WsTestClient b = client()) {
      home.faults().dropNow();
      // No close frame: the client sees an abnormal closure, not a normal 1000.
      assertThat(a.awaitClose()).isNotEqualTo((short) 1000);
      assertThat(b.awaitClose()).isNotEqualTo((short) 1000);
    }
  }

  @Test
  void should_drop_the_connection_when_the_next_call_of_a_type_arrives() {
    try (WsTestClient c = client()) {
      home.faults().dropOnNext("call_service");
      assertThat(c.call(ping(1)).getString("type")).isEqualTo("pong");
      c.send(turnOnOffice(2));
      c.awaitClose();
      assertThat(c.messages).isEmpty();
      assertThat(home.state("light.office").getString("state")).isEqualTo("off");
    }
    try (WsTestClient again = client()) {
      assertThat(again.call(turnOnOffice(1)).getBoolean("success")).isTrue();
    }
  }

  @Test
  void should_run_the_next_call_then_drop_the_connection_instead_of_answering() {
    try (WsTestClient c = client()) {
      home.faults().dropReplyOfNext("call_service");
      c.send(turnOnOffice(1));
      assertThat(c.awaitClose()).as("no close frame, as a network failure").isNotEqualTo((short) 1000);
      assertThat(c.messages).noneMatch(m -> "result".equals(m.getString("type")));
      assertThat(home.state("light.office").getString("state")).as("Home Assistant acted").isEqualTo("on");
    }
    try (WsTestClient again = client()) {
      assertThat(again.call(turnOnOffice(1)).getBoolean("success")).as("the fault fired once").isTrue();
    }
  }

  @Test
  void should_run_the_next_rest_service_call_then_close_its_connection_without_answering() throws Exception {
    home.faults().dropNextRestServiceReply();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(home.url() + "/api/services/light/turn_on"))
        .header("Authorization", "Bearer " + home.accessToken()).timeout(Duration.ofSeconds(15))
        .POST(HttpRequest.BodyPublishers.ofString("{\"entity_id\":\"light.office\"}")).build();

    assertThat(catchThrowable(() -> http.send(request, HttpResponse.BodyHandlers.ofString())))
        .as("the connection closed without an answer").isInstanceOf(IOException.class);
    assertThat(home.state("light.office").getString("state")).as("Home Assistant acted").isEqualTo("on");
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void should_refuse_websocket_handshakes_while_asked_and_keep_open_connections() {
    try (WsTestClient open = client()) {
      home.faults().refuseWebSockets(true);
      assertThat(catchThrowable(() -> WsTestClient.connect(vertx, home)))
          .hasMessageContaining("400");
      assertThat(open.call(ping(1)).getString("type")).isEqualTo("pong");
      home.faults().refuseWebSockets(false);
      try (WsTestClient again = client()) {
        assertThat(again.call(ping(1)).getString("type")).isEqualTo("pong");
      }
    }
  }

  @Test
  void should_fail_the_next_call_with_the_given_error() {
    try (WsTestClient c = client()) {
      home.faults().failNext("call_service", "home_assistant_error", "Zigbee network is down");
      JsonObject reply = c.call(turnOnOffice(1));
      assertThat(reply.getJsonObject("error")).isEqualTo(new JsonObject().put("code", "home_assistant_error")
          .put("message", "Zigbee network is down"));
      assertThat(home.state("light.office").getString("state")).isEqualTo("off");
      assertThat(c.call(turnOnOffice(2)).getBoolean("success")).isTrue();
    }
  }

  @Test
  void should_delay_the_next_call_so_later_replies_overtake_it() {
    try (WsTestClient c = client()) {
      home.faults().delayNext("call_service", Duration.ofMillis(300));
      c.send(turnOnOffice(1));
      c.send(ping(2));
      assertThat(c.next().getInteger("id")).isEqualTo(2);
      assertThat(c.next().getInteger("id")).isEqualTo(1);
      assertThat(home.state("light.office").getString("state")).isEqualTo("on");
    }
  }

  @Test
  void should_reject_auth_even_with_the_right_token_while_asked() {
    home.faults().rejectAuth(true);
    try (WsTestClient c = WsTestClient.connect(vertx, home)) {
      c.send(new JsonObject().put("type", "auth").put("access_token", home.accessToken()));
      assertThat(c.next().getString("type")).isEqualTo("auth_invalid");
      c.awaitClose();
    }
    home.faults().rejectAuth(false);
    try (WsTestClient c = client()) {
      assertThat(c.call(ping(1)).getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void should_hold_replies_while_stalled_and_release_them_in_order() throws Exception {
    try (WsTestClient c = client()) {
      home.faults().stallReplies(true);
      c.send(ping(1));
      c.send(turnOnOffice(2));
      assertThat(c.poll(300)).isNull();
      assertThat(home.state("light.office").getString("state")).isEqualTo("on");
      home.faults().stallReplies(false);
      assertThat(c.next().getInteger("id")).isEqualTo(1);
      assertThat(c.next().getInteger("id")).isEqualTo(2);
    }
  }

  @Test
  void should_forget_pending_faults_on_reset() {
    home.faults().failNext(null, "timeout", "Timeout");
    home.faults().reset();
    try (WsTestClient c = client()) {
      assertThat(c.call(ping(1)).getString("type")).isEqualTo("pong");
    }
  }
}
