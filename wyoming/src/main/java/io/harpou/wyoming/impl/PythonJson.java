package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Python's {@code json.dumps(obj, ensure_ascii=False)} does ({@code ", "} and {@code ": "}
 * separators, non-ASCII left raw), so frames match the reference writer byte for byte.
 */
public final class PythonJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {
  }

  /**
   * Renders a JSON object.
   *
   * @param object the object
   * @return its Python-style text
   */
  public static String write(JsonObject object) {
    StringBuilder out = new StringBuilder(64);
    writeMap(object.getMap(), out);
    return out.toString();
  }

  static void writeValue(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence s) {
      writeString(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof java.math.BigInteger) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      writeDouble(((Number) value).doubleValue(), out);
    } else if (value instanceof JsonObject o) {
      writeMap(o.getMap(), out);
    } else if (value instanceof Map<?, ?> m) {
      writeMap(m, out);
    } else if (value instanceof JsonArray a) {
      writeList(a.getList(), out);
    } else if (value instanceof List<?> l) {
      writeList(l, out);
    } else if (value instanceof Enum<?> e) {
      writeString(e.name(), out);
    } else {
      try {
        // Other values (BigDecimal, Buffer, Instant) in Vert.x's own JSON form, which is still valid JSON.
        out.append(Json.encode(value));
      } catch (RuntimeException e) {
        throw new WyomingException("cannot write " + value.getClass().getName() + " as JSON", e);
      }
    }
  }

  private static void writeMap(Map<?, ?> map, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      writeString(String.valueOf(entry.getKey()), out);
      out.append(": ");
      writeValue(entry.getValue(), out);
    }
    out.append('}');
  }

  private static void writeList(List<?> list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      writeValue(list.get(i), out);
    }
    out.append(']');
  }

  static void writeString(CharSequence s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void writeDouble(double d, StringBuilder out) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      // Python would write NaN/Infinity, but strict JSON readers (Jackson, Home Assistant's orjson) refuse them.
      throw new WyomingException("cannot write " + d + " as JSON");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      out.append((long) d).append(".0");
    } else {
      // Python's repr: lower-case exponent with an explicit sign and at least two digits.
      String s = Double.toString(d);
      int e = s.indexOf('E');
      if (e < 0) {
        out.append(s);
        return;
      }
      String mantissa = s.substring(0, e);
      if (mantissa.endsWith(".0")) {
        mantissa = mantissa.substring(0, mantissa.length() - 2);
      }
      int exponent = Integer.parseInt(s.substring(e + 1));
      out.append(mantissa).append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    }
  }
}
