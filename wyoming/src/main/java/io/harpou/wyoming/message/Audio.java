package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.longValue;
import static io.harpou.wyoming.impl.Fields.requireInt;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Audio stream messages: {@code audio-start}, {@code audio-chunk}, {@code audio-stop}. A format is accepted only
 * within what audio devices produce, so a peer cannot declare one that makes sizes computed from it absurd.
 */
public final class Audio {

  /** The lowest sample rate accepted: 8 kHz, telephone audio, the lowest any speech device sends. */
  public static final int MIN_RATE = 8_000;
  /** The highest sample rate accepted: 192 kHz, the highest consumer audio hardware offers. */
  public static final int MAX_RATE = 192_000;
  /** The widest sample accepted: 4 bytes (32-bit). */
  public static final int MAX_WIDTH = 4;
  /** The most interleaved channels accepted: 8 (7.1 sound; microphone arrays send one or two). */
  public static final int MAX_CHANNELS = 8;

  private Audio() {
  }

  private static void checkFormat(int rate, int width, int channels) {
    if (rate < MIN_RATE || rate > MAX_RATE || width < 1 || width > MAX_WIDTH || channels < 1
        || channels > MAX_CHANNELS) {
      throw new IllegalArgumentException("unsupported audio format: rate " + rate + " Hz (" + MIN_RATE + " to "
          + MAX_RATE + "), width " + width + " bytes (1 to " + MAX_WIDTH + "), channels " + channels + " (1 to "
          + MAX_CHANNELS + ")");
    }
  }

  private static JsonObject format(int rate, int width, int channels, Long timestamp) {
    // The reference writer always sends "timestamp", null included.
    return new JsonObject().put("rate", rate).put("width", width).put("channels", channels)
        .put("timestamp", timestamp);
  }

  /**
   * Starts an audio stream.
   *
   * @param rate sample rate in Hz
   * @param width bytes per sample (2 for 16-bit)
   * @param channels interleaved channels
   * @param timestamp milliseconds since the stream started, or {@code null}
   */
  public record AudioStart(int rate, int width, int channels, Long timestamp) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "audio-start";

    /** Checks the format is one audio devices produce. */
    public AudioStart {
      checkFormat(rate, width, channels);
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, format(rate, width, channels, timestamp));
    }

    /**
     * Reads the message from an event.
     *
     * @param event an {@code audio-start} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a required field is wrong
     * @throws IllegalArgumentException when the format is out of range
     */
    public static AudioStart fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new AudioStart(requireInt(d, "rate"), requireInt(d, "width"), requireInt(d, "channels"),
          longValue(d, "timestamp"));
    }
  }

  /**
   * A chunk of raw interleaved PCM, little-endian.
   *
   * @param rate sample rate in Hz
   * @param width bytes per sample (2 for 16-bit)
   * @param channels interleaved channels
   * @param timestamp milliseconds since the stream started, or {@code null}
   * @param audio the PCM bytes, the event's payload; never {@code null}
   */
  public record AudioChunk(int rate, int width, int channels, Long timestamp, Buffer audio)
      implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "audio-chunk";

    /** Checks the format is one audio devices produce and the audio present. */
    public AudioChunk {
      checkFormat(rate, width, channels);
      Objects.requireNonNull(audio, "audio");
    }

    /**
     * Returns the number of samples per channel in this chunk.
     *
     * @return samples per channel
     */
    public int samples() {
      return audio.length() / (width * channels);
    }

    /**
     * Returns the duration of this chunk, rounded down as the reference library does.
     *
     * @return whole milliseconds
     */
    public long milliseconds() {
      return (long) samples() * 1000 / rate;
    }

    @Override
    public WyomingEvent toEvent() {
      return new WyomingEvent(TYPE, format(rate, width, channels, timestamp), audio);
    }

    /**
     * Reads the message from an event; a missing payload becomes empty audio.
     *
     * @param event an {@code audio-chunk} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a required field is wrong
     * @throws IllegalArgumentException when the format is out of range
     */
    public static AudioChunk fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      Buffer audio = event.payload() == null ? Buffer.buffer() : event.payload();
      return new AudioChunk(requireInt(d, "rate"), requireInt(d, "width"), requireInt(d, "channels"),
          longValue(d, "timestamp"), audio);
    }
  }

  /**
   * Ends an audio stream.
   *
   * @param timestamp milliseconds since the stream started, or {@code null}
   */
  public record AudioStop(Long timestamp) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "audio-stop";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("timestamp", timestamp));
    }

    /**
     * Reads the message from an event.
     *
     * @param event an {@code audio-stop} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static AudioStop fromEvent(WyomingEvent event) {
      return new AudioStop(longValue(expect(event, TYPE), "timestamp"));
    }
  }
}
