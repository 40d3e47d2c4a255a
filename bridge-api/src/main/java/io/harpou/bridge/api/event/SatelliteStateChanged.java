package io.harpou.bridge.api.event;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * A satellite moved through its voice session.
 *
 * @param time when
 * @param satellite the satellite's id
 * @param room its room, or null
 * @param state its new state
 * @param conversationId the conversation in progress, or null
 */
public record SatelliteStateChanged(Instant time, String satellite, String room, State state, String conversationId)
    implements BridgeEvent {

  /** The states of a satellite session. */
  public enum State {
    /** Waiting for the wake word. */
    IDLE,
    /** Streaming the user's speech. */
    LISTENING,
    /** Transcribing and thinking. */
    PROCESSING,
    /** Speaking the answer. */
    RESPONDING,
    /** Something failed; the session recovers to idle. */
    ERROR,
    /** Not connected. */
    DISCONNECTED;

    /** The lower-case name used in JSON. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String KIND = "satellite_state";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    JsonObject json = new JsonObject().put("satellite", satellite).put("state", state.jsonName());
    Json.putIfPresent(json, "room", room);
    return Json.putIfPresent(json, "conversation_id", conversationId);
  }

  static SatelliteStateChanged read(Instant time, JsonObject json) {
    return new SatelliteStateChanged(time, json.getString("satellite"), json.getString("room"),
        State.valueOf(json.getString("state").toUpperCase(Locale.ROOT)), json.getString("conversation_id"));
  }
}
