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

/** Text-to-speech messages: {@code synthesize} and the streaming synthesis events. */
public final class Tts {

  private Tts() {
  }

  /**
   * The voice to speak with: by name (and speaker), or by language only.
   *
   * @param name the voice name, or {@code null}
   * @param speaker the speaker within the voice, or {@code null}
   * @param language the language, used only when there is no name
   */
  public record SynthesizeVoice(String name, String speaker, String language) {

    /**
     * Returns the JSON form: {@code {name, speaker?}} when a name is set (the language is dropped, as the reference
     * library does), else {@code {language}}, else {@code {}}.
     *
     * @return a new JSON object
     */
    public JsonObject toJson() {
      JsonObject json = new JsonObject();
      if (name != null) {
        json.put("name", name);
        putIfSet(json, "speaker", speaker);
      } else {
        putIfSet(json, "language", language);
      }
      return json;
    }

    /**
     * Reads a voice; an empty object or {@code null} gives {@code null}.
     *
     * @param json the JSON form
     * @return the voice, or {@code null}
     */
    public static SynthesizeVoice fromJson(JsonObject json) {
      if (json == null || json.isEmpty()) {
        return null;
      }
      return new SynthesizeVoice(string(json, "name"), string(json, "speaker"), string(json, "language"));
    }
  }

  private static JsonObject voiceJson(SynthesizeVoice voice) {
    if (voice == null) {
      return null;
    }
    JsonObject json = voice.toJson();
    return json.isEmpty() ? null : json;
  }

  /**
   * Asks for speech; in a streamed synthesis it repeats the whole text and a streaming server ignores it.
   *
   * @param text the text to speak, required
   * @param voice the voice, or {@code null}
   * @param textFormat {@code "text"}, {@code "ssml"}, another format, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record Synthesize(String text, SynthesizeVoice voice, String textFormat, JsonObject context)
      implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "synthesize";

    /** Checks the text is present. */
    public Synthesize {
      requireNonNull(text, "text");
    }

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject().put("text", text);
      putIfSet(d, "voice", voiceJson(voice));
      putIfSet(d, "text_format", textFormat);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code synthesize} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code text} is missing
     */
    public static Synthesize fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Synthesize(requireString(d, "text"), SynthesizeVoice.fromJson(object(d, "voice")),
          string(d, "text_format"), object(d, "context"));
    }
  }

  /**
   * Starts a streamed synthesis.
   *
   * @param voice the voice, or {@code null}
   * @param textFormat the text format, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record SynthesizeStart(SynthesizeVoice voice, String textFormat, JsonObject context)
      implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "synthesize-start";

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject();
      putIfSet(d, "voice", voiceJson(voice));
      putIfSet(d, "text_format", textFormat);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code synthesize-start} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static SynthesizeStart fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new SynthesizeStart(SynthesizeVoice.fromJson(object(d, "voice")), string(d, "text_format"),
          object(d, "context"));
    }
  }

  /**
   * A piece of text in a streamed synthesis.
   *
   * @param text the text, required
   */
  public record SynthesizeChunk(String text) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "synthesize-chunk";

    /** Checks the text is present. */
    public SynthesizeChunk {
      requireNonNull(text, "text");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("text", text));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code synthesize-chunk} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code text} is missing
     */
    public static SynthesizeChunk fromEvent(WyomingEvent event) {
      return new SynthesizeChunk(requireString(expect(event, TYPE), "text"));
    }
  }

  /** Ends the text of a streamed synthesis. */
  public record SynthesizeStop() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "synthesize-stop";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code synthesize-stop} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static SynthesizeStop fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new SynthesizeStop();
    }
  }

  /** Sent by the server once the final audio of a streamed synthesis has been sent. */
  public record SynthesizeStopped() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "synthesize-stopped";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code synthesize-stopped} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static SynthesizeStopped fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new SynthesizeStopped();
    }
  }
}
