package io.harpou.bridge.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small helpers shared by the records' JSON forms: null optionals are omitted on write and tolerated on read. */
public final class Json {

  private Json() {
  }

  /** Puts {@code value} under {@code key} unless it is null. */
  public static JsonObject putIfPresent(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value instanceof Instant instant ? instant.toString() : value);
    }
    return json;
  }

  /** Reads an ISO-8601 instant, or null when the key is absent. */
  public static Instant instant(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : Instant.parse(value);
  }

  /** Reads a list of strings, empty when the key is absent. */
  public static List<String> strings(JsonObject json, String key) {
    JsonArray array = json.getJsonArray(key);
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (Object item : array) {
        out.add(String.valueOf(item));
      }
    }
    return List.copyOf(out);
  }

  /** Reads a list of JSON objects mapped through {@code reader}, empty when the key is absent. */
  public static <T> List<T> objects(JsonObject json, String key, Function<JsonObject, T> reader) {
    JsonArray array = json.getJsonArray(key);
    List<T> out = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        out.add(reader.apply(array.getJsonObject(i)));
      }
    }
    return List.copyOf(out);
  }

  /** Writes a list of values mapped through {@code writer} as a JSON array. */
  public static <T> JsonArray array(List<T> items, Function<T, Object> writer) {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(writer.apply(item)));
    return array;
  }

  /** Throws {@link IllegalArgumentException} naming {@code what} when {@code value} is null or blank. */
  public static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
