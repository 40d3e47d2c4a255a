package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.ActionTarget;
import io.harpou.bridge.api.home.HomeGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The entities a call names in its arguments ({@code entity_id} as a string or a list, or {@code entity_ids}). */
final class CallTargets {

  private CallTargets() {
  }

  static List<String> entityIds(JsonObject arguments) {
    List<String> ids = new ArrayList<>();
    for (String key : List.of("entity_id", "entity_ids", "entity")) {
      Object value = arguments.getValue(key);
      if (value instanceof String s && s.indexOf('.') > 0) {
        ids.add(s);
      } else if (value instanceof JsonArray array) {
        array.forEach(item -> {
          if (item instanceof String s && s.indexOf('.') > 0) {
            ids.add(s);
          }
        });
      }
    }
    return ids;
  }

  static List<ActionTarget> targets(JsonObject arguments, HomeGateway home) {
    List<ActionTarget> out = new ArrayList<>();
    for (String id : entityIds(arguments)) {
      String name = home == null ? id : home.state(id).map(s -> s.friendlyName()).orElse(id);
      out.add(ActionTarget.entity(id, name));
    }
    return out;
  }
}
