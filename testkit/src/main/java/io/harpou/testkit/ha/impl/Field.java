package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.UnaryOperator;

/** One field of a service schema: a validator that coerces the value or throws {@code invalid_format}. */
record Field(boolean required, String kind, JsonObject selector, UnaryOperator<Object> check) {

  static Field integer(int min, int max) {
    return new Field(false, "int", new JsonObject().put("number", new JsonObject().put("min", min).put("max", max)),
        v -> {
          if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("expected int");
          }
          int i = n.intValue();
          range(i, min, max);
          return i;
        });
  }

  static Field number(double min, double max) {
    return new Field(false, "float", new JsonObject().put("number", new JsonObject().put("min", min)
        .put("max", max)), v -> {
      if (!(v instanceof Number n)) {
        throw new IllegalArgumentException("expected float");
      }
      range(n.doubleValue(), min, max);
      return n.doubleValue();
    });
  }

  static Field string() {
    return new Field(false, "str", new JsonObject().put("text", new JsonObject()), v -> {
      if (v instanceof JsonObject || v instanceof JsonArray || v == null) {
        throw new IllegalArgumentException("expected str");
      }
      return String.valueOf(v);
    });
  }

  static Field bool() {
    return new Field(false, "bool", new JsonObject().put("boolean", new JsonObject()), v -> {
      if (!(v instanceof Boolean)) {
        throw new IllegalArgumentException("expected boolean");
      }
      return v;
    });
  }

  static Field oneOf(String... values) {
    List<String> allowed = List.of(values);
    return new Field(false, "select", new JsonObject().put("select", new JsonObject().put("options",
        new JsonArray(allowed))), v -> {
      if (!allowed.contains(String.valueOf(v))) {
        throw new IllegalArgumentException("value must be one of " + Repr.of(allowed));
      }
      return String.valueOf(v);
    });
  }

  static Field rgb() {
    return new Field(false, "color_rgb", new JsonObject().put("color_rgb", new JsonObject()), v -> {
      if (!(v instanceof JsonArray a) || a.size() != 3) {
        throw new IllegalArgumentException("expected a list of 3 integers");
      }
      JsonArray out = new JsonArray();
      for (Object c : a) {
        if (!(c instanceof Number n)) {
          throw new IllegalArgumentException("expected int");
        }
        range(n.intValue(), 0, 255);
        out.add(n.intValue());
      }
      return out;
    });
  }

  static Field any() {
    return new Field(false, "object", new JsonObject().put("object", new JsonObject()), v -> v);
  }

  Field req() {
    return new Field(true, kind, selector, check);
  }

  JsonObject describe(String name) {
    return new JsonObject().put("required", required).put("selector", selector.copy()).put("name", name)
        .put("description", "");
  }

  private static void range(double v, double min, double max) {
    if (v < min) {
      throw new IllegalArgumentException("value must be at least " + Repr.num(min));
    }
    if (v > max) {
      throw new IllegalArgumentException("value must be at most " + Repr.num(max));
    }
  }
}
