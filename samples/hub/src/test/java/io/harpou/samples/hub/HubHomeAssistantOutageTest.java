package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Home Assistant down, or rejecting the hub's token: every answer says so at once and truly (with its URL), nothing
 * becomes a background task that fails unheard, {@code /health} names the component and why, and the hub recovers
 * by itself when Home Assistant comes back.
 */
class HubHomeAssistantOutageTest extends HubOnHomeTestBase {

  @Test
  void should_answer_at_once_that_home_assistant_is_unreachable_and_start_no_task() {
    startHome();
    startHub(config(home.url(), home.accessToken()));
    String url = home.url();
    home.close().await();
    eventually("the hub saw Home Assistant go", () -> homeAssistantHealth().equals("reconnecting"));

    JsonObject reply = converse("turn on the kitchen light", "en", "outage-1");

    assertThat(speech(reply)).isEqualTo("I can't reach Home Assistant at " + url + ", so nothing was done.");
    assertThat(responseType(reply)).isEqualTo("error");
    assertThat(get("/api/tasks").bodyAsJsonObject().getJsonArray("tasks")).isEmpty();
    assertThat(auditOutcomes("turn_on")).containsExactly("error");
    JsonObject health = health();
    assertThat(health.getString("status")).isEqualTo("degraded");
    assertThat(health.getJsonObject("problems").getString("home_assistant")).startsWith("reconnecting: ")
        .contains(url).contains("unreachable");
  }

  @Test
  void should_not_turn_a_call_waiting_for_the_link_into_a_background_task() {
    startHome();
    JsonObject config = config(home.url(), home.accessToken());
    // Just after a drop the call waits for the link, here longer than the background threshold.
    config.getJsonObject("home_assistant").put("rest_fallback", false).put("initial_backoff_ms", 60_000)
        .put("max_backoff_ms", 60_000).put("disconnected_wait_ms", 1_500);
    startHub(config.put("agent", new JsonObject().put("task_threshold_ms", 300)));
    home.faults().dropNow();
    eventually("the hub saw the drop", () -> homeAssistantHealth().equals("reconnecting"));

    JsonObject reply = converse("turn on the kitchen light", "en", "waiting-1");

    assertThat(speech(reply)).isEqualTo("I can't reach Home Assistant at " + home.url() + ", so nothing was done.");
    assertThat(get("/api/tasks").bodyAsJsonObject().getJsonArray("tasks")).isEmpty();
    assertThat(auditOutcomes("turn_on")).containsExactly("error");
    assertThat(state("light.kitchen")).isEqualTo("off");
  }

  @Test
  void should_say_in_french_that_home_assistant_is_unreachable_when_it_never_answered() {
    startHome();
    String url = home.url();
    String token = home.accessToken();
    home.close().await();
    startHub(config(url, token).put("agent", new JsonObject()));

    JsonObject reply = converse("allume la lumière de la cuisine", "fr", "never-fr");
    JsonObject english = converse("turn on the kitchen light", "en", "never-en");

    assertThat(speech(reply)).isEqualTo("Je n'arrive pas à joindre Home Assistant à l'adresse " + url
        + " pour l'instant, je ne peux donc pas agir sur la maison.");
    assertThat(speech(english)).isEqualTo("I can't reach Home Assistant at " + url
        + " right now, so I can't act on the home.");
    assertThat(health().getString("status")).isEqualTo("degraded");
  }

  @Test
  void should_say_the_token_was_rejected_and_connect_by_itself_once_it_is_accepted() {
    startHome();
    home.faults().rejectAuth(true);
    startHub(config(home.url(), home.accessToken()));

    JsonObject refused = converse("turn on the kitchen light", "en", "token-1");
    JsonObject french = converse("allume la lumière de la cuisine", "fr", "token-fr");
    JsonObject health = health();

    assertThat(speech(refused)).isEqualTo("Home Assistant at " + home.url() + " rejected my access token, so I"
        + " can't act on the home; check HARPOU_HA_TOKEN.");
    assertThat(speech(french)).isEqualTo("Home Assistant à l'adresse " + home.url() + " a refusé mon jeton"
        + " d'accès, je ne peux donc pas agir sur la maison ; vérifiez HARPOU_HA_TOKEN.");
    assertThat(health.getString("status")).isEqualTo("down");
    assertThat(health.getJsonObject("problems").getString("home_assistant")).startsWith("auth_failed: ")
        .contains("rejected the access token").contains("retrying").doesNotContain(home.accessToken());
    assertThat(state("light.kitchen")).isEqualTo("off");

    home.faults().rejectAuth(false);

    eventually("the hub connected by itself", () -> homeAssistantHealth().equals("connected"));
    assertThat(health().getString("status")).isEqualTo("up");
    JsonObject done = converse("turn on the kitchen light", "en", "token-2");
    assertThat(responseType(done)).as(speech(done)).isEqualTo("action_done");
    assertThat(state("light.kitchen")).isEqualTo("on");
  }
}
