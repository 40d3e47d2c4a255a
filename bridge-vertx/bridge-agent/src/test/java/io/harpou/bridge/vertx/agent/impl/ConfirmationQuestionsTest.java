package io.harpou.bridge.vertx.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.ToolCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Questions without a home at hand: the action from the tool or its arguments, the entity from its id. */
class ConfirmationQuestionsTest {

  private static ToolCall call(String tool, JsonObject arguments) {
    return new ToolCall("c1", tool, arguments);
  }

  @Test
  void should_name_the_action_from_the_service_or_the_action_argument() {
    assertThat(ConfirmationQuestions.ask(call("call_protected_service", new JsonObject()
        .put("service", "alarm_control_panel.alarm_disarm").put("entity_id", "alarm_control_panel.house")), "en",
        null)).isEqualTo("Disarm the house? Say yes to confirm.");
    assertThat(ConfirmationQuestions.ask(call("set_garage_door", new JsonObject().put("action", "open")
        .put("entity_id", "cover.garage_door")), "fr-FR", null))
        .isEqualTo("Ouvrir « garage door » ? Dites oui pour confirmer.");
  }

  @Test
  void should_join_several_targets_and_use_the_spoken_name_when_there_is_no_id() {
    assertThat(ConfirmationQuestions.ask(call("lock", new JsonObject().put("entity_id", new JsonArray()
        .add("lock.front_door").add("lock.back_door").add("lock.shed"))), "en", null))
        .isEqualTo("Lock the front door, the back door and the shed? Say yes to confirm.");
    assertThat(ConfirmationQuestions.ask(call("unlock", new JsonObject().put("name", "la porte du garage")), "fr",
        null)).isEqualTo("Déverrouiller la porte du garage ? Dites oui pour confirmer.");
  }

  @Test
  void should_fall_back_to_the_tool_name_for_an_unknown_action() {
    assertThat(ConfirmationQuestions.ask(call("open_safe", new JsonObject().put("entity_id", "lock.safe")), "en",
        null)).isEqualTo("Run open safe on the safe? Say yes to confirm.");
  }

  private static HomeGuard.Held held(String domain, String service, String entityId, String... reached) {
    return new HomeGuard.Held(ServiceCall.of(domain, service, Target.entities(entityId)), List.of(reached));
  }

  @Test
  void should_phrase_a_held_call_from_the_service_and_the_entity_the_tool_resolved() {
    assertThat(ConfirmationQuestions.ask(List.of(held("cover", "open_cover", "cover.garage_door",
        "cover.garage_door")), "en", null)).isEqualTo("Open the garage door? Say yes to confirm.");
    assertThat(ConfirmationQuestions.ask(List.of(held("alarm_control_panel", "alarm_arm_vacation",
        "alarm_control_panel.house", "alarm_control_panel.house")), "fr", null))
        .isEqualTo("Exécuter « alarm arm vacation » sur « house » ? Dites oui pour confirmer.");
  }

  @Test
  void should_say_which_protected_entities_a_script_reaches() {
    HomeGuard.Held script = held("script", "turn_on", "script.good_night", "lock.front_door", "cover.garage_door");

    assertThat(ConfirmationQuestions.ask(List.of(script), "en", null)).isEqualTo("Run the good night script, which"
        + " acts on the front door and the garage door? Say yes to confirm.");
    assertThat(ConfirmationQuestions.ask(List.of(script), "fr", null)).isEqualTo("Lancer le script « good night »,"
        + " qui agit sur « front door » et « garage door » ? Dites oui pour confirmer.");
  }
}
