package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An action whose answer from Home Assistant is lost after Home Assistant acted: it happens once, never again over
 * another transport, and the household hears that it is unconfirmed and what is true now; the audit says
 * {@code unknown}.
 */
class HubExactlyOnceTest extends HubOnHomeTestBase {

  @BeforeEach
  void start() {
    startHome();
    startHub(config(home.url(), home.accessToken()));
  }

  /** The shopping list as Home Assistant shows it, read from its REST API. */
  private List<String> shoppingList() {
    JsonObject reply = web.postAbs(home.url() + "/api/services/todo/get_items?return_response")
        .bearerTokenAuthentication(home.accessToken())
        .sendJsonObject(new JsonObject().put("entity_id", "todo.shopping_list")).await().bodyAsJsonObject();
    JsonArray items = reply.getJsonObject("service_response").getJsonObject("todo.shopping_list")
        .getJsonArray("items");
    return items.stream().map(item -> ((JsonObject) item).getString("summary")).toList();
  }

  @Test
  void should_add_bread_once_when_the_rest_reply_is_lost_and_the_websocket_comes_back() {
    home.faults().refuseWebSockets(true).dropNextRestServiceReply();
    home.faults().dropNow();
    eventually("the hub saw Home Assistant's WebSocket go", () -> homeAssistantHealth().equals("reconnecting"));

    Future<JsonObject> answer = converseLater("add bread to the shopping list", "en", "bread-1");
    home.takeCall(Duration.ofSeconds(10));
    // The WebSocket is back while the household still waits for the answer: sending again would now get through.
    home.faults().refuseWebSockets(false);
    JsonObject reply = answer.await();

    eventually("the hub is connected again", () -> homeAssistantHealth().equals("connected"));
    assertThat(shoppingList()).filteredOn("bread"::equalsIgnoreCase).hasSize(1);
    assertThat(speech(reply)).isEqualTo("I couldn't confirm that Home Assistant did it; bread is on Shopping list.");
    assertThat(responseType(reply)).isEqualTo("error");
    assertThat(auditOutcomes("add_to_list")).containsExactly("unknown");
  }

  @Test
  void should_say_the_light_is_on_when_the_websocket_reply_is_lost_after_home_assistant_acted() {
    home.faults().dropReplyOfNext("call_service");

    JsonObject reply = converse("turn on the kitchen light", "en", "light-1");

    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(speech(reply)).isEqualTo("I couldn't confirm that Home Assistant did it; Kitchen light is now on.");
    assertThat(responseType(reply)).isEqualTo("error");
    assertThat(auditOutcomes("turn_on")).containsExactly("unknown");
    assertThat(home.calls()).as("sent once").hasSize(1);
  }

  @Test
  void should_say_whether_the_door_is_unlocked_when_the_reply_to_a_confirmed_unlock_is_lost() {
    converse("unlock the front door", "en", "door-1");
    home.faults().dropReplyOfNext("call_service");

    JsonObject reply = converse("yes", "en", "door-1");

    assertThat(state("lock.front_door")).isEqualTo("unlocked");
    assertThat(speech(reply)).isEqualTo("I couldn't confirm that Home Assistant did it; Front door is now unlocked.");
    assertThat(home.calls()).as("sent once").hasSize(1);
  }

  @Test
  void should_say_so_in_french_when_the_reply_is_lost() {
    home.faults().dropReplyOfNext("call_service");

    JsonObject reply = converse("allume la lumière de la cuisine", "fr", "light-fr");

    assertThat(state("light.kitchen")).isEqualTo("on");
    assertThat(speech(reply)).isEqualTo("Je n'ai pas pu confirmer que Home Assistant l'a fait ; la lumière de la"
        + " cuisine est maintenant sur « allumé ».");
  }
}
