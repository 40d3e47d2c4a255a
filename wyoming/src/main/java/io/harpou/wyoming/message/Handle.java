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

/** Intent handling replies: {@code handled}, {@code not-handled} and the streamed handled events. */
public final class Handle {

  private Handle() {
  }

  private static JsonObject textAndContext(String text, JsonObject context) {
    JsonObject d = new JsonObject();
    putIfSet(d, "text", text);
    putIfSet(d, "context", context);
    return d;
  }

  /**
   * The request was handled; Home Assistant speaks the text.
   *
   * @param text the response text, or {@code null}
   * @param context opaque context (echo {@code conversation_id} back), or {@code null}
   */
  public record Handled(String text, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "handled";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, textAndContext(text, context));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code handled} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static Handled fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Handled(string(d, "text"), object(d, "context"));
    }
  }

  /**
   * The request could not be handled.
   *
   * @param text the response text, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record NotHandled(String text, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "not-handled";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, textAndContext(text, context));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code not-handled} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static NotHandled fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new NotHandled(string(d, "text"), object(d, "context"));
    }
  }

  /**
   * Starts a streamed response.
   *
   * @param context opaque context, or {@code null}
   */
  public record HandledStart(JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "handled-start";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, putIfSet(new JsonObject(), "context", context));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code handled-start} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static HandledStart fromEvent(WyomingEvent event) {
      return new HandledStart(object(expect(event, TYPE), "context"));
    }
  }

  /**
   * A piece of a streamed response.
   *
   * @param text the text, required
   */
  public record HandledChunk(String text) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "handled-chunk";

    /** Checks the text is present. */
    public HandledChunk {
      requireNonNull(text, "text");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("text", text));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code handled-chunk} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code text} is missing
     */
    public static HandledChunk fromEvent(WyomingEvent event) {
      return new HandledChunk(requireString(expect(event, TYPE), "text"));
    }
  }

  /** Ends a streamed response. */
  public record HandledStop() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "handled-stop";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code handled-stop} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static HandledStop fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new HandledStop();
    }
  }
}
