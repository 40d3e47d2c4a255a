package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.longValue;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.vertx.core.json.JsonObject;

/** Voice activity messages: {@code voice-started}, {@code voice-stopped}. */
public final class Vad {

  private Vad() {
  }

  /**
   * Speech started.
   *
   * @param timestamp milliseconds into the audio stream, or {@code null}
   */
  public record VoiceStarted(Long timestamp) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "voice-started";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("timestamp", timestamp));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code voice-started} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static VoiceStarted fromEvent(WyomingEvent event) {
      return new VoiceStarted(longValue(expect(event, TYPE), "timestamp"));
    }
  }

  /**
   * Speech stopped.
   *
   * @param timestamp milliseconds into the audio stream, or {@code null}
   */
  public record VoiceStopped(Long timestamp) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "voice-stopped";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("timestamp", timestamp));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code voice-stopped} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static VoiceStopped fromEvent(WyomingEvent event) {
      return new VoiceStopped(longValue(expect(event, TYPE), "timestamp"));
    }
  }
}
