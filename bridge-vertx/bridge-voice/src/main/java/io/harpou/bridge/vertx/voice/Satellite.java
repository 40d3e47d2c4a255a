package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * What a satellite is doing now.
 *
 * @param id its identifier
 * @param room its room, or null when unknown
 * @param state its session state
 * @param connected whether its Wyoming connection is up
 * @param dialedIn true when the satellite connected to Harpou, false when Harpou connects to it
 */
public record Satellite(String id, String room, State state, boolean connected, boolean dialedIn) {

  /** Validates the id and state. */
  public Satellite {
    Json.requireText(id, "satellite id");
    if (state == null) {
      throw new IllegalArgumentException("satellite state must not be null");
    }
  }

  /** The JSON form: {@code id}, {@code room} when known, {@code state}, {@code connected}, {@code dialed_in}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id);
    Json.putIfPresent(json, "room", room);
    return json.put("state", state.jsonName()).put("connected", connected).put("dialed_in", dialedIn);
  }
}
