package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * A wyoming-satellite that Harpou connects to: where it listens, the room it serves, and whether it handles Wyoming
 * timer events.
 *
 * @param host the satellite's host name or address
 * @param port its Wyoming port (10700 by convention)
 * @param room the room it sits in (area id or name), or null to take the area the satellite reports
 * @param id a stable identifier; {@code host:port} when absent
 * @param timers true when it gets {@code timer-started/updated/cancelled/finished} for the timers set through it
 *     (as Home Assistant sends them to every Wyoming satellite); false to have a finished timer spoken instead
 */
public record SatelliteConfig(String host, int port, String room, String id, boolean timers) {

  /** Validates the address and fills the id. */
  public SatelliteConfig {
    Json.requireText(host, "satellite host");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("satellite port out of range: " + port);
    }
    id = id == null || id.isBlank() ? host + ":" + port : id;
  }

  /** A satellite that handles timer events. */
  public SatelliteConfig(String host, int port, String room, String id) {
    this(host, port, room, id, true);
  }

  /** The JSON form, as configured under {@code voice.satellites}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("host", host).put("port", port).put("id", id).put("timers", timers);
    return Json.putIfPresent(json, "room", room);
  }

  /** Reads the JSON form; the port defaults to 10700 and timers to true, unknown keys are ignored. */
  public static SatelliteConfig fromJson(JsonObject json) {
    return new SatelliteConfig(json.getString("host"), json.getInteger("port", 10700), json.getString("room"),
        json.getString("id"), json.getBoolean("timers", true));
  }
}
