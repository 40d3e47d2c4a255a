package io.harpou.bridge.api.event;

import io.harpou.bridge.api.timer.Timer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * A voice timer started, changed (paused, resumed, lengthened, shortened), was cancelled or ended.
 *
 * @param time when
 * @param change what happened
 * @param timer the timer after the change
 */
public record TimerChanged(Instant time, Change change, Timer timer) implements BridgeEvent {

  public static final String KIND = "timer_changed";

  /** What happened to a timer, as Wyoming's {@code timer-started}, {@code -updated}, {@code -cancelled}, {@code -finished}. */
  public enum Change {
    /** It started. */
    STARTED,
    /** It was paused, resumed, lengthened or shortened. */
    UPDATED,
    /** It was cancelled. */
    CANCELLED,
    /** It ended. */
    FINISHED;

    /** The lower-case name used in JSON. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String conversationId() {
    return timer.origin().conversationId();
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("conversation_id", conversationId()).put("change", change.jsonName())
        .put("timer", timer.toJson());
  }

  static TimerChanged read(Instant time, JsonObject json) {
    return new TimerChanged(time, Change.valueOf(json.getString("change").toUpperCase(Locale.ROOT)),
        Timer.fromJson(json.getJsonObject("timer")));
  }
}
