package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.integer;
import static io.harpou.wyoming.impl.Fields.putIfSet;
import static io.harpou.wyoming.impl.Fields.requireBool;
import static io.harpou.wyoming.impl.Fields.requireInt;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireString;
import static io.harpou.wyoming.impl.Fields.string;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.vertx.core.json.JsonObject;

/** Timer notifications Home Assistant sends to a satellite. */
public final class Timers {

  private Timers() {
  }

  /**
   * A timer started.
   *
   * @param id the timer id, required
   * @param totalSeconds the timer's length in seconds
   * @param name the timer's name, or {@code null}
   * @param startHours hours as the user said them, or {@code null}
   * @param startMinutes minutes as the user said them, or {@code null}
   * @param startSeconds seconds as the user said them, or {@code null}
   */
  public record TimerStarted(String id, int totalSeconds, String name, Integer startHours, Integer startMinutes,
      Integer startSeconds) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "timer-started";

    /** Checks the id is present. */
    public TimerStarted {
      requireNonNull(id, "id");
    }

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject().put("id", id).put("total_seconds", totalSeconds);
      putIfSet(d, "name", name);
      putIfSet(d, "start_hours", startHours);
      putIfSet(d, "start_minutes", startMinutes);
      putIfSet(d, "start_seconds", startSeconds);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code timer-started} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or a required field is missing
     */
    public static TimerStarted fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new TimerStarted(requireString(d, "id"), requireInt(d, "total_seconds"), string(d, "name"),
          integer(d, "start_hours"), integer(d, "start_minutes"), integer(d, "start_seconds"));
    }
  }

  /**
   * A timer was paused, resumed or changed.
   *
   * @param id the timer id, required
   * @param isActive whether the timer is running
   * @param totalSeconds the seconds left
   */
  public record TimerUpdated(String id, boolean isActive, int totalSeconds) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "timer-updated";

    /** Checks the id is present. */
    public TimerUpdated {
      requireNonNull(id, "id");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE,
          new JsonObject().put("id", id).put("is_active", isActive).put("total_seconds", totalSeconds));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code timer-updated} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or a required field is missing
     */
    public static TimerUpdated fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new TimerUpdated(requireString(d, "id"), requireBool(d, "is_active"), requireInt(d, "total_seconds"));
    }
  }

  /**
   * A timer was cancelled.
   *
   * @param id the timer id, required
   */
  public record TimerCancelled(String id) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "timer-cancelled";

    /** Checks the id is present. */
    public TimerCancelled {
      requireNonNull(id, "id");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("id", id));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code timer-cancelled} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code id} is missing
     */
    public static TimerCancelled fromEvent(WyomingEvent event) {
      return new TimerCancelled(requireString(expect(event, TYPE), "id"));
    }
  }

  /**
   * A timer rang.
   *
   * @param id the timer id, required
   */
  public record TimerFinished(String id) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "timer-finished";

    /** Checks the id is present. */
    public TimerFinished {
      requireNonNull(id, "id");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("id", id));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code timer-finished} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code id} is missing
     */
    public static TimerFinished fromEvent(WyomingEvent event) {
      return new TimerFinished(requireString(expect(event, TYPE), "id"));
    }
  }
}
