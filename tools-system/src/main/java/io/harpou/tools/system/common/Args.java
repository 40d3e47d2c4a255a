package io.harpou.tools.system.common;

import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of a tool call's arguments, failing with {@link ToolArgumentsException} naming the argument. */
public final class Args {

  private Args() {
  }

  /** A required, non-blank string. */
  public static String text(JsonObject args, String name) {
    Object value = args.getValue(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ToolArgumentsException("'" + name + "' is required and must be a non-empty string");
    }
    return text;
  }

  /** An optional string, or {@code fallback} when absent or blank. */
  public static String text(JsonObject args, String name, String fallback) {
    Object value = args.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text)) {
      throw new ToolArgumentsException("'" + name + "' must be a string");
    }
    return text.isBlank() ? fallback : text;
  }

  /** An optional integer clamped to {@code [min, max]}, or {@code fallback}. */
  public static int integer(JsonObject args, String name, int fallback, int min, int max) {
    Object value = args.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw new ToolArgumentsException("'" + name + "' must be a number");
    }
    return (int) Math.max(min, Math.min(max, number.longValue()));
  }

  /** An optional boolean. */
  public static boolean bool(JsonObject args, String name, boolean fallback) {
    Object value = args.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      throw new ToolArgumentsException("'" + name + "' must be true or false");
    }
    return flag;
  }

  /** A required, non-empty list of strings. */
  public static List<String> strings(JsonObject args, String name) {
    Object value = args.getValue(name);
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw new ToolArgumentsException("'" + name + "' is required and must be a non-empty list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw new ToolArgumentsException("every item of '" + name + "' must be a string");
      }
      out.add(text);
    }
    return out;
  }
}
