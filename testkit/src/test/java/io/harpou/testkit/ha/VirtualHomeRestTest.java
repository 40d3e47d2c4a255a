package io.harpou.testkit.ha;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualHomeRestTest extends VirtualHomeTestBase {

  // The JDK's client, as a second implementation next to the Vert.x clients the Home Assistant client tests use: a
  // shared Vert.x client sometimes never sent a request of this test on a busy machine (no connection opened, no
  // timeout fired) while the server answered curl at once.
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** A response read fully. */
  record Reply(int status, String contentType, Buffer body) {
    JsonObject json() {
      return body.toJsonObject();
    }

    JsonArray array() {
      return body.toJsonArray();
    }
  }

  private Reply request(HttpMethod method, String uri, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(home.url() + uri))
        .method(method.name(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        // A bounded wait: a request that never gets an answer fails the test instead of hanging the build.
        .timeout(Duration.ofSeconds(15));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          Buffer.buffer(response.body()));
    } catch (IOException e) {
      throw new AssertionError("no answer to " + method + " " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private Reply get(String uri) {
    return request(HttpMethod.GET, uri, "test-token", null);
  }

  private Reply post(String uri, String body) {
    return request(HttpMethod.POST, uri, "test-token", body);
  }

  @Test
  void should_say_api_running_and_refuse_requests_without_a_valid_token() {
    Reply ok = get("/api/");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json()).isEqualTo(new JsonObject().put("message", "API running."));
    for (String token : new String[] {null, "wrong"}) {
      Reply denied = request(HttpMethod.GET, "/api/states", token, null);
      assertThat(denied.status()).isEqualTo(401);
      assertThat(denied.body().toString()).isEqualTo("401: Unauthorized");
    }
  }

  @Test
  void should_serve_states_and_404_an_unknown_entity() {
    JsonArray states = get("/api/states").array();
    assertThat(states).hasSize(home.entityIds().size());
    Reply one = get("/api/states/lock.front_door");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.contentType()).startsWith("application/json");
    assertThat(one.json().getString("state")).isEqualTo("locked");
    Reply missing = get("/api/states/light.attic");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json()).isEqualTo(new JsonObject().put("message", "Entity not found."));
  }

  @Test
  void should_write_states_with_201_for_new_and_200_for_existing() {
    Reply created = post("/api/states/sensor.cellar_temperature", "{\"state\":\"12.5\",\"attributes\":"
        + "{\"unit_of_measurement\":\"°C\"}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(home.state("sensor.cellar_temperature").getString("state")).isEqualTo("12.5");
    assertThat(post("/api/states/sensor.cellar_temperature", "{\"state\":\"13\"}").status()).isEqualTo(200);
    assertThat(post("/api/states/sensor.cellar_temperature", "{}").json())
        .isEqualTo(new JsonObject().put("message", "No state attribute specified."));
  }

  @Test
  void should_call_a_service_and_return_the_states_it_changed() {
    Reply reply = post("/api/services/light/turn_on", "{\"entity_id\":\"light.office\"}");
    assertThat(reply.status()).isEqualTo(200);
    JsonArray changed = reply.array();
    assertThat(changed).hasSize(1);
    assertThat(changed.getJsonObject(0).getString("entity_id")).isEqualTo("light.office");
    assertThat(changed.getJsonObject(0).getString("state")).isEqualTo("on");
    assertThat(home.takeCall(java.time.Duration.ofSeconds(1)).channel()).isEqualTo("rest");

    Reply unknown = post("/api/services/light/explode", "{}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(post("/api/services/light/turn_on", "{oops").json())
        .isEqualTo(new JsonObject().put("message", "Data should be valid JSON."));
  }

  @Test
  void should_return_a_service_response_when_asked() {
    Reply reply = post("/api/services/todo/get_items?return_response", "{\"entity_id\":\"todo.shopping_list\"}");
    assertThat(reply.status()).isEqualTo(200);
    JsonObject body = reply.json();
    assertThat(body.getJsonArray("changed_states")).isEmpty();
    assertThat(body.getJsonObject("service_response").getJsonObject("todo.shopping_list").getJsonArray("items"))
        .hasSize(3);
    Reply lacking = post("/api/services/todo/get_items", "{\"entity_id\":\"todo.shopping_list\"}");
    assertThat(lacking.status()).isEqualTo(400);
    assertThat(lacking.json().getString("message")).contains("Add ?return_response");
    Reply refused = post("/api/services/light/turn_on?return_response", "{\"entity_id\":\"light.office\"}");
    assertThat(refused.json().getString("message")).startsWith("Service does not support responses.");
  }

  @Test
  void should_fire_events_and_reject_non_object_data() {
    try (WsTestClient c = client()) {
      c.send(new JsonObject().put("id", 1).put("type", "subscribe_events").put("event_type", "garage_opened"));
      c.next();
      assertThat(post("/api/events/garage_opened", "{\"by\":\"car\"}").json())
          .isEqualTo(new JsonObject().put("message", "Event garage_opened fired."));
      JsonObject event = c.next().getJsonObject("event");
      assertThat(event.getString("origin")).isEqualTo("REMOTE");
      assertThat(event.getJsonObject("data").getString("by")).isEqualTo("car");
    }
    assertThat(post("/api/events/x", "[1,2,3]").json())
        .isEqualTo(new JsonObject().put("message", "Event data should be a JSON object"));
  }

  @Test
  void should_serve_camera_images_with_the_bearer_or_the_entity_token() {
    Reply image = get("/api/camera_proxy/camera.garden");
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.contentType()).isEqualTo("image/png");
    assertThat(image.body().getBytes(1, 4)).isEqualTo("PNG".getBytes());
    String picture = home.state("camera.garden").getJsonObject("attributes").getString("entity_picture");
    assertThat(request(HttpMethod.GET, picture, null, null).status()).isEqualTo(200);
    assertThat(request(HttpMethod.GET, "/api/camera_proxy/camera.garden?token=nope", null, null).status())
        .isEqualTo(401);
  }

  @Test
  void should_process_a_conversation_turning_a_light_on_by_name() {
    Reply reply = post("/api/conversation/process", "{\"text\":\"turn on the office light\",\"language\":\"en\"}");
    JsonObject response = reply.json().getJsonObject("response");
    assertThat(response.getString("response_type")).isEqualTo("action_done");
    assertThat(response.getJsonObject("speech").getJsonObject("plain").getString("speech"))
        .isEqualTo("Turned on Office light");
    assertThat(response.getJsonObject("data").getJsonArray("success").getJsonObject(0).getString("id"))
        .isEqualTo("light.office");
    assertThat(home.state("light.office").getString("state")).isEqualTo("on");
    JsonObject notUnderstood = post("/api/conversation/process", "{\"text\":\"sing a song\"}").json();
    assertThat(notUnderstood.getJsonObject("response").getJsonObject("data").getString("code"))
        .isEqualTo("no_intent_match");
    assertThat(post("/api/conversation/process", "{\"text\":123}").status()).isEqualTo(400);
  }

  @Test
  void should_render_templates_as_plain_text() {
    Reply reply = post("/api/template", "{\"template\":\"Door: {{ states('lock.front_door') }}\"}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().toString()).isEqualTo("Door: locked");
  }
}
