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

/** Messages for any service: {@code describe}, {@code ping}, {@code pong}, {@code error}, {@code user-event}. */
public final class Control {

  private Control() {
  }

  /** Asks a service what it offers; it answers with {@code info}. */
  public record Describe() implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "describe";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code describe} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong
     */
    public static Describe fromEvent(WyomingEvent event) {
      expect(event, TYPE);
      return new Describe();
    }
  }

  /**
   * A liveness check; the peer answers {@link Pong} with the same text.
   *
   * @param text any text, or {@code null}
   */
  public record Ping(String text) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "ping";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("text", text));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code ping} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static Ping fromEvent(WyomingEvent event) {
      return new Ping(string(expect(event, TYPE), "text"));
    }
  }

  /**
   * The answer to a {@link Ping}.
   *
   * @param text the ping's text, or {@code null}
   */
  public record Pong(String text) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "pong";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, new JsonObject().put("text", text));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code pong} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static Pong fromEvent(WyomingEvent event) {
      return new Pong(string(expect(event, TYPE), "text"));
    }
  }

  /**
   * A failure, in either direction.
   *
   * @param text a description, required
   * @param code a machine-readable code, or {@code null}
   */
  public record ErrorMessage(String text, String code) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "error";

    /** Checks the text is present. */
    public ErrorMessage {
      requireNonNull(text, "text");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, putIfSet(new JsonObject().put("text", text), "code", code));
    }

    /**
     * Reads the message from an event.
     *
     * @param event an {@code error} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code text} is missing
     */
    public static ErrorMessage fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new ErrorMessage(requireString(d, "text"), string(d, "code"));
    }
  }

  /**
   * A user-defined event.
   *
   * @param name the event's name, required
   * @param data its data, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record UserEvent(String name, JsonObject data, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "user-event";

    /** Checks the name is present. */
    public UserEvent {
      requireNonNull(name, "name");
    }

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject().put("name", name);
      putIfSet(d, "data", data);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code user-event} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code name} is missing
     */
    public static UserEvent fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new UserEvent(requireString(d, "name"), object(d, "data"), object(d, "context"));
    }
  }
}
