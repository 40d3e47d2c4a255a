package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads typed fields from event data the way the reference library does: {@code null} counts as absent, unknown
 * keys are ignored, and a missing required field or a value of the wrong type is a {@link WyomingException}.
 */
public final class Fields {

  private Fields() {
  }

  /**
   * Checks an event's type.
   *
   * @param event the event
   * @param type the expected type
   * @return the event's data
   */
  public static JsonObject expect(WyomingEvent event, String type) {
    if (!type.equals(event.type())) {
      throw new WyomingException("expected a " + type + " event, got " + event.type());
    }
    return event.data();
  }

  /** Returns a string field, or null when absent. */
  public static String string(JsonObject data, String key) {
    Object value = data.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(key, "a string", value);
  }

  /** Returns a required string field. */
  public static String requireString(JsonObject data, String key) {
    return require(key, string(data, key));
  }

  /** Returns a whole-number field, or null when absent. */
  public static Long longValue(JsonObject data, String key) {
    Object value = data.getValue(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Long.MAX_VALUE) {
      return n.longValue();
    }
    throw wrongType(key, "a whole number", value);
  }

  /** Returns an int field, or null when absent. */
  public static Integer integer(JsonObject data, String key) {
    Long value = longValue(data, key);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrongType(key, "a 32-bit integer", value);
    }
    return value.intValue();
  }

  /** Returns a required int field. */
  public static int requireInt(JsonObject data, String key) {
    return require(key, integer(data, key));
  }

  /** Returns a boolean field, or null when absent. */
  public static Boolean bool(JsonObject data, String key) {
    Object value = data.getValue(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(key, "a boolean", value);
  }

  /** Returns a boolean field, or a default when absent. */
  public static boolean bool(JsonObject data, String key, boolean defaultValue) {
    Boolean value = bool(data, key);
    return value == null ? defaultValue : value;
  }

  /** Returns a required boolean field. */
  public static boolean requireBool(JsonObject data, String key) {
    return require(key, bool(data, key));
  }

  /** Returns an object field, or null when absent. */
  public static JsonObject object(JsonObject data, String key) {
    Object value = data.getValue(key);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw wrongType(key, "an object", value);
  }

  /** Returns a required object field. */
  public static JsonObject requireObject(JsonObject data, String key) {
    return require(key, object(data, key));
  }

  /** Returns an array field, or null when absent. */
  public static JsonArray array(JsonObject data, String key) {
    Object value = data.getValue(key);
    if (value == null || value instanceof JsonArray) {
      return (JsonArray) value;
    }
    throw wrongType(key, "an array", value);
  }

  /** Returns a list of strings, or null when absent. */
  public static List<String> strings(JsonObject data, String key) {
    JsonArray array = array(data, key);
    if (array == null) {
      return null;
    }
    List<String> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String s)) {
        throw wrongType(key, "an array of strings", array);
      }
      out.add(s);
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a required list of strings. */
  public static List<String> requireStrings(JsonObject data, String key) {
    return require(key, strings(data, key));
  }

  /** Returns a list of objects mapped by a reader, or null when absent. */
  public static <T> List<T> objects(JsonObject data, String key, Function<JsonObject, T> reader) {
    JsonArray array = array(data, key);
    if (array == null) {
      return null;
    }
    List<T> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof JsonObject o)) {
        throw wrongType(key, "an array of objects", array);
      }
      out.add(reader.apply(o));
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a required list of objects mapped by a reader. */
  public static <T> List<T> requireObjects(JsonObject data, String key, Function<JsonObject, T> reader) {
    return require(key, objects(data, key, reader));
  }

  /** Puts a value unless it is null. */
  public static JsonObject putIfSet(JsonObject data, String key, Object value) {
    if (value != null) {
      data.put(key, value);
    }
    return data;
  }

  /** Returns an unmodifiable copy of a list, or null. */
  public static <T> List<T> copy(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /** Converts a list of strings to a JSON array, or null. */
  public static JsonArray toArray(List<?> list) {
    return list == null ? null : new JsonArray(new ArrayList<>(list));
  }

  /** Converts a list of values with a converter to a JSON array. */
  public static <T> JsonArray toArray(List<T> list, Function<T, JsonObject> writer) {
    JsonArray array = new JsonArray();
    for (T item : list) {
      array.add(writer.apply(item));
    }
    return array;
  }

  /** Checks that a required record component is present. */
  public static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static <T> T require(String key, T value) {
    if (value == null) {
      throw new WyomingException("required field \"" + key + "\" is missing");
    }
    return value;
  }

  private static WyomingException wrongType(String key, String expected, Object value) {
    return new WyomingException("field \"" + key + "\" must be " + expected + ", got "
        + value.getClass().getSimpleName());
  }
}
