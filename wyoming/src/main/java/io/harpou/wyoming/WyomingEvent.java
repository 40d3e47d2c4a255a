package io.harpou.wyoming;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One Wyoming event as it travels on the wire: a type, a JSON data object and an optional binary payload.
 *
 * <p>Events of unknown types and data with unknown keys are kept as they are, so a proxy can forward them untouched.
 * The record shares its {@code data} and {@code payload} with the caller; treat them as read-only once built.
 *
 * @param type the event type, for example {@code "audio-chunk"}; never blank
 * @param data the event data; an empty object when the event has none
 * @param payload the binary payload (PCM audio for {@code audio-chunk}), or {@code null} when there is none
 */
public record WyomingEvent(String type, JsonObject data, Buffer payload) implements WyomingMessage {

  /** Validates the type and normalises a missing data object and an empty payload. */
  public WyomingEvent {
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new IllegalArgumentException("event type must not be blank");
    }
    data = data == null ? new JsonObject() : data;
    payload = payload == null || payload.length() == 0 ? null : payload;
  }

  /**
   * Creates an event without data or payload.
   *
   * @param type the event type
   * @return the event
   */
  public static WyomingEvent of(String type) {
    return new WyomingEvent(type, null, null);
  }

  /**
   * Creates an event with data and no payload.
   *
   * @param type the event type
   * @param data the event data, may be {@code null}
   * @return the event
   */
  public static WyomingEvent of(String type, JsonObject data) {
    return new WyomingEvent(type, data, null);
  }

  /**
   * Tells whether this event carries a payload.
   *
   * @return {@code true} when a non-empty payload is present
   */
  public boolean hasPayload() {
    return payload != null;
  }

  /**
   * Returns this event; a generic event is already in its wire form.
   *
   * @return this event
   */
  @Override
  public WyomingEvent toEvent() {
    return this;
  }

  /**
   * Renders this event as JSON for logs and tests: {@code type}, {@code data} and, when present, the payload in
   * base64 under {@code payload}.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", type).put("data", data.copy());
    if (payload != null) {
      json.put("payload", payload.getBytes());
    }
    return json;
  }

  /**
   * Reads an event rendered by {@link #toJson()}; unknown keys are ignored.
   *
   * @param json the JSON form
   * @return the event
   * @throws IllegalArgumentException when {@code type} is missing
   */
  public static WyomingEvent fromJson(JsonObject json) {
    byte[] payload = json.getBinary("payload");
    return new WyomingEvent(json.getString("type"), json.getJsonObject("data"),
        payload == null ? null : Buffer.buffer(payload));
  }

  @Override
  public String toString() {
    // Never print the payload: it is usually audio.
    return "WyomingEvent[type=" + type + ", data=" + data.encode()
        + (payload == null ? "" : ", payload=" + payload.length() + " bytes") + "]";
  }
}
