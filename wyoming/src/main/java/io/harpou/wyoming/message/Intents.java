package io.harpou.wyoming.message;

import static io.harpou.wyoming.impl.Fields.expect;
import static io.harpou.wyoming.impl.Fields.object;
import static io.harpou.wyoming.impl.Fields.objects;
import static io.harpou.wyoming.impl.Fields.putIfSet;
import static io.harpou.wyoming.impl.Fields.requireNonNull;
import static io.harpou.wyoming.impl.Fields.requireString;
import static io.harpou.wyoming.impl.Fields.string;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.impl.Fields;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Intent recognition messages: {@code recognize}, {@code intent}, {@code not-recognized}, {@code intents-start},
 * {@code intents-stop}.
 */
public final class Intents {

  private Intents() {
  }

  /**
   * Asks to recognise an intent in text. Home Assistant sends {@link Asr.Transcript} instead; accept both.
   *
   * @param text the text, required
   * @param context opaque context, or {@code null}
   */
  public record Recognize(String text, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "recognize";

    /** Checks the text is present. */
    public Recognize {
      requireNonNull(text, "text");
    }

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, putIfSet(new JsonObject().put("text", text), "context", context));
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code recognize} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code text} is missing
     */
    public static Recognize fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Recognize(requireString(d, "text"), object(d, "context"));
    }
  }

  /**
   * A named entity (slot) of an intent.
   *
   * @param name the entity name, required
   * @param value the value: any JSON value, or {@code null}
   */
  public record Entity(String name, Object value) {

    /** Checks the name is present. */
    public Entity {
      requireNonNull(name, "name");
    }

    /**
     * Returns the JSON form {@code {name, value}}.
     *
     * @return a new JSON object
     */
    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("value", value);
    }

    /**
     * Reads an entity.
     *
     * @param json the JSON form
     * @return the entity
     * @throws io.harpou.wyoming.WyomingException when {@code name} is missing
     */
    public static Entity fromJson(JsonObject json) {
      return new Entity(requireString(json, "name"), json.getValue("value"));
    }
  }

  /**
   * A recognised intent.
   *
   * @param name the intent name, required
   * @param entities the entities, empty when none
   * @param text the response text (Home Assistant accepts a template), or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record Intent(String name, List<Entity> entities, String text, JsonObject context)
      implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "intent";

    /** Checks the name is present and copies the entities. */
    public Intent {
      requireNonNull(name, "name");
      entities = entities == null ? List.of() : List.copyOf(entities);
    }

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject().put("name", name);
      if (!entities.isEmpty()) {
        d.put("entities", Fields.toArray(entities, Entity::toJson));
      }
      putIfSet(d, "text", text);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event an {@code intent} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type is wrong or {@code name} is missing
     */
    public static Intent fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new Intent(requireString(d, "name"), objects(d, "entities", Entity::fromJson), string(d, "text"),
          object(d, "context"));
    }
  }

  /**
   * No intent was recognised.
   *
   * @param text the response text, or {@code null}
   * @param context opaque context, or {@code null}
   */
  public record NotRecognized(String text, JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "not-recognized";

    @Override
    public WyomingEvent toEvent() {
      JsonObject d = new JsonObject();
      putIfSet(d, "text", text);
      putIfSet(d, "context", context);
      return WyomingEvent.of(TYPE, d);
    }

    /**
     * Reads the message from an event.
     *
     * @param event a {@code not-recognized} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static NotRecognized fromEvent(WyomingEvent event) {
      JsonObject d = expect(event, TYPE);
      return new NotRecognized(string(d, "text"), object(d, "context"));
    }
  }

  /**
   * Starts a series of several intents.
   *
   * @param context opaque context, or {@code null}
   */
  public record IntentsStart(JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "intents-start";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, putIfSet(new JsonObject(), "context", context));
    }

    /**
     * Reads the message from an event.
     *
     * @param event an {@code intents-start} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static IntentsStart fromEvent(WyomingEvent event) {
      return new IntentsStart(object(expect(event, TYPE), "context"));
    }
  }

  /**
   * Ends a series of several intents.
   *
   * @param context opaque context, or {@code null}
   */
  public record IntentsStop(JsonObject context) implements WyomingMessage {

    /** The event type. */
    public static final String TYPE = "intents-stop";

    @Override
    public WyomingEvent toEvent() {
      return WyomingEvent.of(TYPE, putIfSet(new JsonObject(), "context", context));
    }

    /**
     * Reads the message from an event.
     *
     * @param event an {@code intents-stop} event
     * @return the message
     * @throws io.harpou.wyoming.WyomingException when the type or a field is wrong
     */
    public static IntentsStop fromEvent(WyomingEvent event) {
      return new IntentsStop(object(expect(event, TYPE), "context"));
    }
  }
}
