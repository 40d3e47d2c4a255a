package io.harpou.wyoming.impl;

import io.harpou.wyoming.WyomingException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader over bytes, producing the maps, lists, strings, numbers and booleans Vert.x's
 * {@code JsonObject} wraps. It exists because headers and audio-chunk data are tiny and parsed for every frame:
 * going through a general-purpose parser cost several times the rest of decoding (see BENCHMARKS.md).
 */
final class JsonReader {

  /** Deeper nesting is refused, which also bounds this reader's recursion. */
  static final int MAX_DEPTH = 256;

  private final byte[] b;
  private final int end;
  private int i;

  private JsonReader(byte[] bytes, int offset, int length) {
    this.b = bytes;
    this.i = offset;
    this.end = offset + length;
  }

  /**
   * Parses one JSON value that must fill the whole range.
   *
   * @return a Map, List, String, Integer, Long, BigInteger, Double, Boolean or null
   */
  static Object parse(byte[] bytes, int offset, int length) {
    JsonReader reader = new JsonReader(bytes, offset, length);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.i != reader.end) {
      throw reader.error("unexpected content after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (i >= end) {
      throw error("unexpected end of JSON");
    }
    byte c = b[i];
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    i++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (i < end && b[i] == '}') {
      i++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (i >= end || b[i] != '"') {
        throw error("expected a string key");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      map.put(key, value(depth));
      skipWhitespace();
      if (i < end && b[i] == ',') {
        i++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    i++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (i < end && b[i] == ']') {
      i++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth));
      skipWhitespace();
      if (i < end && b[i] == ',') {
        i++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    int start = ++i;
    while (i < end) {
      byte c = b[i];
      if (c == '"') {
        return new String(b, start, i++ - start, StandardCharsets.UTF_8);
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        return escapedString(start);
      }
      i++;
    }
    throw error("unterminated string");
  }

  private String escapedString(int start) {
    StringBuilder out = new StringBuilder();
    int run = start;
    while (i < end) {
      byte c = b[i];
      if (c == '"') {
        out.append(new String(b, run, i++ - run, StandardCharsets.UTF_8));
        return out.toString();
      }
      if (c >= 0 && c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        i++;
        continue;
      }
      out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
      if (++i >= end) {
        break;
      }
      switch (b[i++]) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape());
        default -> throw error("invalid escape in string");
      }
      run = i;
    }
    throw error("unterminated string");
  }

  private char unicodeEscape() {
    if (end - i < 4) {
      throw error("truncated \\u escape");
    }
    int value = 0;
    for (int k = 0; k < 4; k++) {
      int digit = Character.digit(b[i++], 16);
      if (digit < 0) {
        throw error("invalid \\u escape");
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  private Object number() {
    int start = i;
    if (b[i] == '-') {
      i++;
    }
    int intStart = i;
    if (i < end && b[i] == '0') {
      i++;
    } else if (i < end && b[i] >= '1' && b[i] <= '9') {
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
    } else {
      throw error("invalid number");
    }
    int intDigits = i - intStart;
    boolean integral = true;
    if (i < end && b[i] == '.') {
      integral = false;
      i++;
      digits();
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      integral = false;
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      digits();
    }
    if (integral && intDigits <= 18) {
      long value = 0;
      for (int k = intStart; k < i; k++) {
        value = value * 10 + (b[k] - '0');
      }
      value = b[start] == '-' ? -value : value;
      return value == (int) value ? (Object) (int) value : (Object) value;
    }
    String text = new String(b, start, i - start, StandardCharsets.US_ASCII);
    if (integral) {
      BigInteger big = new BigInteger(text);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d)) {
      throw error("number out of range");
    }
    return d;
  }

  private void digits() {
    int start = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    if (i == start) {
      throw error("invalid number");
    }
  }

  private Object literal(String word, Object value) {
    int n = word.length();
    if (end - i < n) {
      throw error("invalid literal");
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        throw error("invalid literal");
      }
    }
    i += n;
    return value;
  }

  private void expect(char c) {
    if (i >= end || b[i] != c) {
      throw error("expected '" + c + "'");
    }
    i++;
  }

  private void skipWhitespace() {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      i++;
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private WyomingException error(String what) {
    return new WyomingException(what + " at byte " + i);
  }
}
