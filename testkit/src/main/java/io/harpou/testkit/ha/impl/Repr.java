package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.stream.Collectors;

/** Python {@code repr()} of JSON values, for error messages shaped like voluptuous' ones. */
final class Repr {

  private Repr() {
  }

  static String of(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof CharSequence s) {
      return "'" + s.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (v instanceof Number n) {
      return num(n.doubleValue());
    }
    if (v instanceof JsonObject o) {
      return o.getMap().entrySet().stream().map(e -> of(e.getKey()) + ": " + of(wrap(e.getValue())))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof JsonArray a) {
      return of(a.getList());
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(x -> of(wrap(x))).collect(Collectors.joining(", ", "[", "]"));
    }
    return of(String.valueOf(v));
  }

  static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  @SuppressWarnings("unchecked")
  private static Object wrap(Object v) {
    if (v instanceof java.util.Map<?, ?> m) {
      return new JsonObject((java.util.Map<String, Object>) m);
    }
    if (v instanceof java.util.List<?> l) {
      return new JsonArray((java.util.List<Object>) l);
    }
    return v;
  }
}
