package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/** Request/response commands: ping, features, states, config, services, call_service, fire_event, registries. */
final class WsBasicCommands {

  static final String USER_ID = "5e5e0fd3a0a14c49b17d8a4b5c8e0001";

  private WsBasicCommands() {
  }

  static void register(WsCommands c, Home home) {
    Set<String> none = Set.of();
    c.add("ping", none, none, (s, id, m) -> s.send(new JsonObject().put("id", id).put("type", "pong")));
    c.add("supported_features", Set.of("features"), Set.of("features"), (s, id, m) -> {
      JsonObject features = WsCommands.typed(m, "features", JsonObject.class, "dict");
      s.enableCoalescing(features.getValue("coalesce_messages") != null);
      s.result(id, null);
    });
    c.add("get_states", none, none, (s, id, m) -> {
      JsonArray out = new JsonArray();
      home.states.all().forEach(st -> out.add(st.toJson()));
      s.result(id, out);
    });
    c.add("get_config", none, none, (s, id, m) -> s.result(id, home.config()));
    c.add("get_services", none, none, (s, id, m) -> s.result(id, home.services.describeAll()));
    c.add("get_panels", none, none, (s, id, m) -> s.result(id, new JsonObject().put("lovelace", new JsonObject()
        .put("component_name", "lovelace").put("icon", null).put("title", null)
        .put("config", new JsonObject().put("mode", "storage")).put("url_path", "lovelace")
        .put("require_admin", false).put("config_panel_domain", null))));
    c.add("auth/current_user", none, none, (s, id, m) -> s.result(id, new JsonObject().put("id", USER_ID)
        .put("name", "Harpou").put("is_owner", true).put("is_admin", true).put("credentials", new JsonArray())
        .put("mfa_modules", new JsonArray())));
    c.add("call_service", Set.of("domain", "service", "service_data", "target", "return_response"),
        Set.of("domain", "service"), (s, id, m) -> callService(home, s, id, m));
    c.add("fire_event", Set.of("event_type", "event_data"), Set.of("event_type"), (s, id, m) -> {
      String type = WsCommands.typed(m, "event_type", String.class, "str");
      JsonObject data = WsCommands.typed(m, "event_data", JsonObject.class, "dict");
      HaContext ctx = HaContext.create(USER_ID);
      home.states.fire(type, data == null ? new JsonObject() : data.copy(), "LOCAL", ctx);
      s.result(id, new JsonObject().put("context", ctx.toJson()));
    });
    c.add("config/area_registry/list", none, none, (s, id, m) -> s.result(id, home.house.registries.areaList()));
    c.add("config/floor_registry/list", none, none, (s, id, m) -> s.result(id, home.house.registries.floorList()));
    c.add("config/device_registry/list", none, none, (s, id, m) ->
        s.result(id, home.house.registries.deviceList()));
    c.add("config/entity_registry/list", none, none, (s, id, m) ->
        s.result(id, home.house.registries.entityList()));
    c.add("config/entity_registry/get", Set.of("entity_id"), Set.of("entity_id"), (s, id, m) -> {
      String entityId = WsCommands.typed(m, "entity_id", String.class, "str");
      JsonObject extended = extended(home, entityId);
      if (extended == null) {
        throw new ServiceError("not_found", "Entity not found");
      }
      s.result(id, extended);
    });
    // Several entities at once, each extended entry or null when unknown (Home Assistant 2023.5 and later).
    c.add("config/entity_registry/get_entries", Set.of("entity_ids"), Set.of("entity_ids"), (s, id, m) -> {
      JsonObject out = new JsonObject();
      for (Object entityId : WsCommands.typed(m, "entity_ids", JsonArray.class, "list")) {
        out.put(String.valueOf(entityId), extended(home, String.valueOf(entityId)));
      }
      s.result(id, out);
    });
    c.add("conversation/process", Set.of("text", "language", "agent_id", "conversation_id", "device_id"),
        Set.of("text"), (s, id, m) -> {
          String text = WsCommands.typed(m, "text", String.class, "str");
          s.result(id, home.conversation.process(text, m.getString("language"), m.getString("conversation_id")));
        });
  }

  /** The registry's extended entry of an entity, as {@code config/entity_registry/get} returns it, or null. */
  private static JsonObject extended(Home home, String entityId) {
    JsonObject entry = home.house.registries.entity(entityId);
    if (entry == null) {
      return null;
    }
    EntityState st = home.states.get(entityId);
    return entry.copy().put("capabilities", null)
        .put("device_class", st == null ? null : st.attributes().getValue("device_class"))
        .put("original_device_class", null).put("original_icon", null);
  }

  private static void callService(Home home, WsSession s, long id, JsonObject m) {
    String domain = WsCommands.typed(m, "domain", String.class, "str");
    String service = WsCommands.typed(m, "service", String.class, "str");
    JsonObject data = WsCommands.typed(m, "service_data", JsonObject.class, "dict");
    JsonObject target = WsCommands.typed(m, "target", JsonObject.class, "dict");
    Boolean returnResponse = WsCommands.typed(m, "return_response", Boolean.class, "boolean");
    JsonObject merged = data == null ? new JsonObject() : data.copy();
    if (target != null) {
      for (String key : target.fieldNames()) {
        if (!ServiceDef.TARGET_KEYS.contains(key)) {
          throw ServiceError.invalid("extra keys not allowed @ data['target']['" + key + "']");
        }
        merged.put(key, Targets.toList(key, target.getValue(key)));
      }
    }
    boolean wantResponse = Boolean.TRUE.equals(returnResponse);
    home.services.call(domain, service, merged, HaContext.create(USER_ID), wantResponse, "websocket")
        .onSuccess(outcome -> {
          JsonObject result = new JsonObject().put("context", outcome.context().toJson());
          if (wantResponse) {
            result.put("response", outcome.response());
          }
          s.result(id, result);
        })
        .onFailure(err -> s.error(id, err instanceof ServiceError e ? e
            : new ServiceError("unknown_error", err.getMessage() == null ? "Unknown error" : err.getMessage())));
  }
}
