package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.object;
import static io.harpou.wyoming.impl.Fields.putIfSet;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireString;
import static io.harpou.wyoming.impl.Fields.string;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.vertx.core.json.JsonObject;

/** Speech-to-text messages: {@code transcribe}, {@code transcript} and the streaming transcript events. */
public final class Asr {

  private Asr() {
  }

  /**
   * Asks for a transcription of the audio stream that follows.
   *
   * @param name the model name, or {@code null}
   * @param language the language, or {@code null}
   * @param context opaque context, or {@code null}
   * @param vadSensitivity {@code "default"}, {@code "relaxed"}, {@code "aggressive"} or {@code null}
   */
  public record Transcribe(String name, String language, JsonObject context, String vadSensitivity)
      implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "transcribe";

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject();
      putIfSet(d, "name", name);
      putIfSet(d, "language", language);
      putIfSet(d, "context", context);
      putIfSet(d, "vad_sensitivity", vadSensitivity);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code transcribe} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static Transcribe fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Transcribe(string(d, "name"), string(d, "language"), object(d, "context"),
          string(d, "vad_sensitivity"));
    }
  }

  /**
   * The transcription result; Home Assistant also sends it to conversation agents as the user's request.
   *
   * @param text the transcribed text, required
   * @param language the detected language, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record Transcript(String text, String language, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "transcript";

    /** Checks the text is present. */
    public Transcript {
      requireNonNull(text, "text");
    }

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject().put("text", text);
      putIfSet(d, "language", language);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code transcript} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code text} is missing
     */
    public static Transcript fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Transcript(requireString(d, "text"), string(d, "language"), object(d, "context"));
    }
  }

  /**
   * Starts a streamed transcript.
   *
   * @param language the language, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record TranscriptStart(String language, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "transcript-start";

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject();
      putIfSet(d, "language", language);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code transcript-start} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static TranscriptStart fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new TranscriptStart(string(d, "language"), object(d, "context"));
    }
  }

  /**
   * A piece of a streamed transcript.
   *
   * @param text the text of this piece, required
   */
  public record TranscriptChunk(String text) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "transcript-chunk";

    /** Checks the text is present. */
    public TranscriptChunk {
      requireNonNull(text, "text");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("text", text));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code transcript-chunk} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code text} is missing
     */
    public static TranscriptChunk fromEvent(WyomingEvent event) {
      return new TranscriptChunk(requireString(expect(event, TYPE), "text"));
    }
  }

  /** Ends a streamed transcript. */
  public record TranscriptStop() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "transcript-stop";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code transcript-stop} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static TranscriptStop fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new TranscriptStop();
    }
  }
}
