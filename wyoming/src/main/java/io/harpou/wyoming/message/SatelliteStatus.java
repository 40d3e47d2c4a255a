package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.expect;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;

/**
 * Status events a satellite sends to its local event service: {@code satellite-connected},
 * {@code satellite-disconnected}, {@code streaming-started}, {@code streaming-stopped}; and {@code played}, sent
 * after audio finished playing.
 */
public final class SatelliteStatus {

  private SatelliteStatus() {
  }

  /** The satellite's server connected. */
  public record SatelliteConnected() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "satellite-connected";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code satellite-connected} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static SatelliteConnected fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new SatelliteConnected();
    }
  }

  /** The satellite's server disconnected. */
  public record SatelliteDisconnected() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "satellite-disconnected";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code satellite-disconnected} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static SatelliteDisconnected fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new SatelliteDisconnected();
    }
  }

  /** The satellite started streaming microphone audio. */
  public record StreamingStarted() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "streaming-started";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code streaming-started} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static StreamingStarted fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new StreamingStarted();
    }
  }

  /** The satellite stopped streaming microphone audio. */
  public record StreamingStopped() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "streaming-stopped";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code streaming-stopped} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static StreamingStopped fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new StreamingStopped();
    }
  }

  /** Audio (speech or an announcement) finished playing. */
  public record Played() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "played";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code played} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static Played fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new Played();
    }
  }
}
