package io.harpou.bridge.api.event;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * An alert raised by a monitor moved on: it was raised, its repair session asks a question or ended, or the problem
 * cleared. The console shows open alerts as a banner.
 *
 * @param time when
 * @param alertId identifies the alert (a ULID); answers to a repair question name it
 * @param monitor the monitor's id, for example {@code disk}
 * @param key the problem's key, for example {@code disk:/srv}
 * @param severity {@code warning} or {@code critical}
 * @param state what happened
 * @param summary the problem in one sentence
 * @param detail the repair's question or outcome, or null
 * @param conversationId the repair session's conversation, or null when no session runs
 */
public record AlertChanged(Instant time, String alertId, String monitor, String key, String severity, State state,
                           String summary, String detail, String conversationId) implements BridgeEvent {

  public static final String KIND = "alert";

  /** Where an alert stands. */
  public enum State {
    /** A monitor saw a lasting problem. */
    RAISED,
    /** The repair session waits for a household member's "yes" to the question in {@code detail}. */
    ASKING,
    /** The repair session ended; {@code detail} says what it did. */
    REPAIR_ENDED,
    /** The monitor no longer sees the problem. */
    CLEARED;

    /** The lower-case name used in JSON. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Requires the ids, the state and the summary. */
  public AlertChanged {
    Json.requireText(alertId, "alert id");
    Json.requireText(monitor, "monitor");
    Json.requireText(key, "alert key");
    Json.requireText(summary, "alert summary");
    if (state == null) {
      throw new IllegalArgumentException("alert state must be set");
    }
  }

  /** The same alert in another state, now. */
  public AlertChanged to(State next, String nextDetail) {
    return new AlertChanged(Instant.now(), alertId, monitor, key, severity, next, summary, nextDetail,
        conversationId);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public JsonObject body() {
    JsonObject json = new JsonObject().put("alert_id", alertId).put("monitor", monitor).put("key", key)
        .put("severity", severity).put("state", state.jsonName()).put("summary", summary);
    Json.putIfPresent(json, "detail", detail);
    return Json.putIfPresent(json, "conversation_id", conversationId);
  }

  static AlertChanged read(Instant time, JsonObject json) {
    return new AlertChanged(time, json.getString("alert_id"), json.getString("monitor"), json.getString("key"),
        json.getString("severity"), State.valueOf(json.getString("state", "raised").toUpperCase(Locale.ROOT)),
        json.getString("summary"), json.getString("detail"), json.getString("conversation_id"));
  }
}
