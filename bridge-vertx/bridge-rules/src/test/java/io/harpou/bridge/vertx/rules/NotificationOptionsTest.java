package io.harpou.bridge.vertx.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class NotificationOptionsTest {

  @Test
  void should_read_back_its_json_form_to_the_same_options() {
    JsonObject leak = new JsonObject().put("id", "leak")
        .put("when", new JsonObject().put("device_class", "moisture").put("state", "on")).put("say", "Water leak.");
    NotificationOptions options = new NotificationOptions(new JsonObject().put("rules", new JsonArray().add(leak))
        .put("home_assistant_service", "notify.mobile_app_phone").put("language", "fr").put("max_added_rules", 7));

    JsonObject json = options.toJson();
    NotificationOptions again = new NotificationOptions(json);

    assertThat(again.toJson()).isEqualTo(json);
    assertThat(again.rules()).singleElement().satisfies(rule -> assertThat(rule.id()).isEqualTo("leak"));
    assertThat(again.service()).isEqualTo("notify.mobile_app_phone");
    assertThat(again.maxAddedRules()).isEqualTo(7);
  }
}
