package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny subset of Home Assistant templates: literal text with {@code {{ ... }}} expressions, each one of
 * {@code states('x')}, {@code state_attr('x', 'attr')}, {@code is_state('x', 'value')} or a quoted string literal.
 * Anything else is a {@code template_error}.
 */
final class Template {

  private static final Pattern EXPR = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern CALL = Pattern.compile(
      "^(states|state_attr|is_state)\\(\\s*'([^']*)'\\s*(?:,\\s*'([^']*)'\\s*)?\\)$");
  private static final Pattern LITERAL = Pattern.compile("^'([^']*)'$");

  /** A rendered template and the entities it read. */
  record Rendered(String text, List<String> entities) {
  }

  private Template() {
  }

  static Rendered render(String template, StateMachine states) {
    if (template.contains("{%")) {
      throw new ServiceError("template_error", "TemplateSyntaxError: statements ({% %}) are not supported by the "
          + "virtual home");
    }
    List<String> entities = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Matcher m = EXPR.matcher(template);
    int last = 0;
    while (m.find()) {
      out.append(template, last, m.start());
      out.append(eval(m.group(1).trim(), states, entities));
      last = m.end();
    }
    out.append(template.substring(last));
    return new Rendered(out.toString(), entities);
  }

  /** Type-parses a result as Home Assistant does (numbers and booleans become JSON values). */
  static Object parse(String text) {
    String t = text.trim();
    if ("True".equals(t) || "False".equals(t)) {
      return "True".equals(t);
    }
    try {
      if (t.matches("-?\\d+")) {
        return Long.parseLong(t);
      }
      if (t.matches("-?\\d+\\.\\d+")) {
        return Double.parseDouble(t);
      }
    } catch (NumberFormatException ignored) {
      // fall through to text
    }
    return text;
  }

  static JsonArray listeners(List<String> entities) {
    return new JsonArray(new ArrayList<>(new java.util.LinkedHashSet<>(entities)));
  }

  private static String eval(String expr, StateMachine states, List<String> entities) {
    Matcher lit = LITERAL.matcher(expr);
    if (lit.matches()) {
      return lit.group(1);
    }
    Matcher call = CALL.matcher(expr);
    if (!call.matches()) {
      throw new ServiceError("template_error", "TemplateSyntaxError: unsupported expression '" + expr
          + "' (the virtual home renders states(), state_attr(), is_state() and string literals)");
    }
    String entityId = call.group(2).toLowerCase();
    entities.add(entityId);
    EntityState s = states.get(entityId);
    switch (call.group(1)) {
      case "states" -> {
        return s == null ? "unknown" : s.state();
      }
      case "state_attr" -> {
        Object v = s == null || call.group(3) == null ? null : s.attributes().getValue(call.group(3));
        return v == null ? "None" : String.valueOf(v);
      }
      default -> {
        return s != null && s.state().equals(call.group(3)) ? "True" : "False";
      }
    }
  }
}
