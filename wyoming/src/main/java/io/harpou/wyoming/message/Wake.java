package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.longValue;
import static io.harpou.wyoming.impl.Fields.object;
import static io.harpou.wyoming.impl.Fields.putIfSet;
import static io.harpou.wyoming.impl.Fields.string;
import static io.harpou.wyoming.impl.Fields.strings;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Wake word messages: {@code detect}, {@code detection}, {@code not-detected}. */
public final class Wake {

  private Wake() {
  }

  /**
   * Asks for wake word detection on the audio stream that follows.
   *
   * @param names the wake words to detect, or {@code null} for any
   * @param context opaque context, or {@code null}
   */
  public record Detect(List<String> names, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "detect";

    /** Copies the names. */
    public Detect {
      names = Fields.copy(names);
    }

    @Override
    public WyomingEvent toEvent() {
      // The reference writer always sends "names", null meaning any.
      JsonObject d = new JsonObject().put("names", Fields.toArray(names));
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code detect} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static Detect fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Detect(strings(d, "names"), object(d, "context"));
    }
  }

  /**
   * A wake word was heard.
   *
   * @param name the wake word (model) name, or {@code null}
   * @param timestamp milliseconds into the audio stream, or {@code null}
   * @param speaker the recognised speaker, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record Detection(String name, Long timestamp, String speaker, JsonObject context)
      implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "detection";

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject().put("name", name).put("timestamp", timestamp).put("speaker", speaker);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code detection} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static Detection fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Detection(string(d, "name"), longValue(d, "timestamp"), string(d, "speaker"),
          object(d, "context"));
    }
  }

  /**
   * The audio stream ended without a detection.
   *
   * @param context opaque context, or {@code null}
   */
  public record NotDetected(JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "not-detected";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, putIfSet(new JsonObject(), "context", context));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code not-detected} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static NotDetected fromEvent(WyomingEvent event) {
      return new NotDetected(object(expect(event, TYPE), "context"));
    }
  }
}
