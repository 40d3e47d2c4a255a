package io.harpou.bridge.api.event;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A part of the hub changed state (the Home Assistant link connected, a speech engine failed), as {@code /health}
 * reports it.
 *
 * @param time when
 * @param component the component's name, for example {@code home_assistant}
 * @param state its state, for example {@code connected}
 * @param detail a human explanation, or null
 */
public record ComponentStateChanged(Instant time, String component, String state, String detail)
    implements BridgeEvent {

  public static final String KIND = "component_state";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String conversationId() {
    return null;
  }

  @Override
  public JsonObject body() {
    JsonObject json = new JsonObject().put("component", component).put("state", state);
    return Json.putIfPresent(json, "detail", detail);
  }

  static ComponentStateChanged read(Instant time, JsonObject json) {
    return new ComponentStateChanged(time, json.getString("component"), json.getString("state"),
        json.getString("detail"));
  }
}
