package io.harpou.bridge.vertx.agent.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks tool arguments against the subset of JSON Schema that tools use: {@code type}, {@code properties},
 * {@code required}, {@code enum}, {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength} and
 * {@code items}. Unknown keywords are ignored, so a richer schema is checked as far as this subset goes.
 */
public final class ArgumentValidator {

  private ArgumentValidator() {
  }

  /** The problems found, each naming the argument and what is wrong; empty when the arguments fit. */
  public static List<String> validate(JsonObject schema, JsonObject arguments) {
    List<String> problems = new ArrayList<>();
    check(schema, arguments, "arguments", problems);
    return problems;
  }

  private static void check(JsonObject schema, Object value, String path, List<String> problems) {
    if (schema == null) {
      return;
    }
    String type = schema.getValue("type") instanceof String s ? s : null;
    if (type != null && !hasType(value, type)) {
      problems.add(path + " must be " + article(type) + ", got " + describe(value));
      return;
    }
    JsonArray allowed = schema.getJsonArray("enum");
    if (allowed != null && !allowed.contains(value)) {
      problems.add(path + " must be one of " + allowed.encode() + ", got " + describe(value));
    }
    if (value instanceof Number number) {
      checkBound(schema, "minimum", number, path, problems, true);
      checkBound(schema, "maximum", number, path, problems, false);
    }
    if (value instanceof String text) {
      Integer min = schema.getInteger("minLength");
      Integer max = schema.getInteger("maxLength");
      if (min != null && text.length() < min || max != null && text.length() > max) {
        problems.add(path + " must have " + (min == null ? 0 : min) + " to " + (max == null ? "any" : max)
            + " characters");
      }
    }
    if (value instanceof JsonObject object) {
      JsonObject properties = schema.getJsonObject("properties", new JsonObject());
      JsonArray required = schema.getJsonArray("required", new JsonArray());
      for (Object name : required) {
        if (object.getValue(String.valueOf(name)) == null) {
          problems.add(path + "." + name + " is required");
        }
      }
      for (String name : object.fieldNames()) {
        Object property = properties.getValue(name);
        if (property instanceof JsonObject propertySchema && object.getValue(name) != null) {
          check(propertySchema, object.getValue(name), path + "." + name, problems);
        }
      }
    }
    if (value instanceof JsonArray array && schema.getValue("items") instanceof JsonObject items) {
      for (int i = 0; i < array.size(); i++) {
        check(items, array.getValue(i), path + "[" + i + "]", problems);
      }
    }
  }

  private static void checkBound(JsonObject schema, String key, Number value, String path, List<String> problems,
                                 boolean lower) {
    if (schema.getValue(key) instanceof Number bound) {
      double v = value.doubleValue();
      if (lower ? v < bound.doubleValue() : v > bound.doubleValue()) {
        problems.add(path + " must be " + (lower ? "at least " : "at most ") + bound + ", got " + value);
      }
    }
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Integer || value instanceof Long
          || value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(
          n.doubleValue());
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      case "array" -> value instanceof JsonArray;
      case "object" -> value instanceof JsonObject;
      case "null" -> value == null;
      default -> true;
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
