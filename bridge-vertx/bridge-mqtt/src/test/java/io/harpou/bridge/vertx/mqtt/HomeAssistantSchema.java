package io.harpou.bridge.vertx.mqtt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges discovery payloads and states as Home Assistant would, from what its documentation says (written down in
 * {@code home-assistant-mqtt-schema.json}): abbreviations are expanded first, as Home Assistant does on read, then
 * the component's required keys, known keys, device block, device classes, state classes, units and ranges, and a
 * state against its entity.
 */
final class HomeAssistantSchema {

  private final JsonObject schema;

  HomeAssistantSchema() {
    try (InputStream in = HomeAssistantSchema.class.getResourceAsStream("/home-assistant-mqtt-schema.json")) {
      schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The component a discovery topic names, or null when the topic is not one. */
  String componentOf(String topic) {
    Matcher m = Pattern.compile(schema.getString("topic_pattern")).matcher(topic);
    return m.matches() ? m.group("component") : null;
  }

  /** A payload with every documented abbreviation expanded, the device's and origin's too. */
  JsonObject expand(JsonObject payload) {
    JsonObject out = new JsonObject();
    JsonObject abbreviations = schema.getJsonObject("abbreviations");
    payload.forEach(e -> out.put(abbreviations.getString(e.getKey(), e.getKey()), e.getValue()));
    if (out.getValue("device") instanceof JsonObject device) {
      out.put("device", expandWith(device, schema.getJsonObject("device_abbreviations")));
    }
    if (out.getValue("origin") instanceof JsonObject origin) {
      out.put("origin", expandWith(origin, schema.getJsonObject("origin_abbreviations")));
    }
    return out;
  }

  private static JsonObject expandWith(JsonObject json, JsonObject abbreviations) {
    JsonObject out = new JsonObject();
    json.forEach(e -> out.put(abbreviations.getString(e.getKey(), e.getKey()), e.getValue()));
    return out;
  }

  /** Every problem Home Assistant would have with this configuration; empty when it would accept it. */
  List<String> problems(String topic, JsonObject payload) {
    List<String> problems = new ArrayList<>();
    String component = componentOf(topic);
    if (component == null) {
      return List.of("not a discovery topic: " + topic);
    }
    JsonObject rules = schema.getJsonObject("components").getJsonObject(component);
    if (rules == null) {
      return List.of("component not described: " + component);
    }
    JsonObject c = expand(payload);
    Set<String> known = new java.util.HashSet<>(strings(schema, "common_keys"));
    known.addAll(strings(rules, "keys"));
    c.fieldNames().stream().filter(k -> !known.contains(k)).forEach(k -> problems.add("unknown key " + k));
    strings(rules, "required").stream().filter(k -> !(c.getValue(k) instanceof String s) || s.isEmpty())
        .forEach(k -> problems.add("missing " + k));
    if (!(c.getValue("unique_id") instanceof String)) {
      problems.add("a device needs a unique_id");
    }
    device(c, problems);
    if (c.getValue("origin") instanceof JsonObject origin) {
      if (origin.getString("name") == null) {
        problems.add("origin needs a name");
      }
      origin.fieldNames().stream().filter(k -> !strings(schema, "origin_keys").contains(k))
          .forEach(k -> problems.add("unknown origin key " + k));
    }
    Integer qos = c.getInteger("qos", 0);
    if (qos < 0 || qos > 2) {
      problems.add("qos out of range");
    }
    String category = c.getString("entity_category");
    if (category != null && (!strings(schema, "entity_categories").contains(category)
        || strings(rules, "not_entity_category").contains(category))) {
      problems.add("entity_category " + category + " not allowed for " + component);
    }
    String deviceClass = c.getString("device_class");
    if (deviceClass != null && !strings(rules, "device_classes").contains(deviceClass)) {
      problems.add("unknown device_class " + deviceClass);
    }
    switch (component) {
      case "sensor" -> sensor(c, rules, problems);
      case "number" -> number(c, rules, problems);
      case "text" -> text(c, rules, problems);
      default -> {
      }
    }
    return problems;
  }

  private void device(JsonObject c, List<String> problems) {
    if (!(c.getValue("device") instanceof JsonObject device)) {
      problems.add("no device block");
      return;
    }
    device.fieldNames().stream().filter(k -> !strings(schema, "device_keys").contains(k))
        .forEach(k -> problems.add("unknown device key " + k));
    boolean ids = device.getValue("identifiers") instanceof JsonArray a && !a.isEmpty()
        || device.getValue("identifiers") instanceof String;
    boolean connections = device.getValue("connections") instanceof JsonArray a && !a.isEmpty();
    if (!ids && !connections) {
      problems.add("a device needs identifiers or connections");
    }
  }

  private static void sensor(JsonObject c, JsonObject rules, List<String> problems) {
    String deviceClass = c.getString("device_class");
    String stateClass = c.getString("state_class");
    String unit = c.getString("unit_of_measurement");
    if (stateClass != null && !strings(rules, "state_classes").contains(stateClass)) {
      problems.add("unknown state_class " + stateClass);
    }
    boolean options = c.containsKey("options");
    if ("enum".equals(deviceClass)) {
      if (!(c.getValue("options") instanceof JsonArray list) || list.isEmpty()) {
        problems.add("an enum sensor needs options");
      }
      if (unit != null || stateClass != null) {
        problems.add("an enum sensor has no unit and no state_class");
      }
    } else if (options) {
      problems.add("options need device_class enum");
    }
    if ("timestamp".equals(deviceClass) && (unit != null || stateClass != null)) {
      problems.add("a timestamp sensor has no unit and no state_class");
    }
    if ("monetary".equals(deviceClass)) {
      if (stateClass != null && !stateClass.equals("total")) {
        problems.add("a monetary sensor's state_class is total");
      }
      if (unit == null || !unit.matches("[A-Z]{3}")) {
        problems.add("a monetary sensor's unit is an ISO 4217 currency");
      }
    }
  }

  private static void number(JsonObject c, JsonObject rules, List<String> problems) {
    JsonObject defaults = rules.getJsonObject("defaults");
    double min = c.getDouble("min", defaults.getDouble("min"));
    double max = c.getDouble("max", defaults.getDouble("max"));
    if (min >= max) {
      problems.add("number min must be below max");
    }
    if (c.getDouble("step", 1.0) <= 0) {
      problems.add("number step must be positive");
    }
    String mode = c.getString("mode");
    if (mode != null && !strings(rules, "modes").contains(mode)) {
      problems.add("unknown number mode " + mode);
    }
  }

  private static void text(JsonObject c, JsonObject rules, List<String> problems) {
    int min = c.getInteger("min", 0);
    int max = c.getInteger("max", 255);
    if (min < 0 || max > rules.getInteger("max_length") || min > max) {
      problems.add("text min and max must satisfy 0 <= min <= max <= 255");
    }
    String mode = c.getString("mode");
    if (mode != null && !strings(rules, "modes").contains(mode)) {
      problems.add("unknown text mode " + mode);
    }
  }

  /** What Home Assistant would refuse in a state payload for the entity configured by {@code config}. */
  List<String> stateProblems(String component, JsonObject config, String state) {
    JsonObject c = expand(config);
    List<String> problems = new ArrayList<>();
    if (state.codePointCount(0, state.length()) > 255) {
      problems.add("state longer than 255 characters");
    }
    switch (component) {
      case "sensor" -> {
        if (state.equals("None")) {
          return problems;
        }
        String deviceClass = c.getString("device_class");
        if ("enum".equals(deviceClass) && !c.getJsonArray("options").contains(state)) {
          problems.add("enum state " + state + " not among the options");
        }
        if ("timestamp".equals(deviceClass)) {
          try {
            OffsetDateTime.parse(state);
          } catch (DateTimeParseException e) {
            problems.add("timestamp state is not ISO 8601 with an offset: " + state);
          }
        }
        if (c.getString("state_class") != null || c.getString("unit_of_measurement") != null) {
          try {
            Double.parseDouble(state);
          } catch (NumberFormatException e) {
            problems.add("numeric sensor state is not a number: " + state);
          }
        }
      }
      case "binary_sensor", "switch" -> {
        if (!state.equals(c.getString("payload_on", "ON")) && !state.equals(c.getString("payload_off", "OFF"))) {
          problems.add("state " + state + " is neither payload_on nor payload_off");
        }
      }
      case "number" -> {
        try {
          double value = Double.parseDouble(state);
          if (value < c.getDouble("min", 1.0) || value > c.getDouble("max", 100.0)) {
            problems.add("number state out of range");
          }
        } catch (NumberFormatException e) {
          problems.add("number state is not a number");
        }
      }
      case "text" -> {
        int length = state.codePointCount(0, state.length());
        if (length < c.getInteger("min", 0) || length > c.getInteger("max", 255)) {
          problems.add("text state length outside min and max");
        }
      }
      default -> {
      }
    }
    return problems;
  }

  private static List<String> strings(JsonObject json, String key) {
    JsonArray array = json.getJsonArray(key, new JsonArray());
    return array.stream().map(Object::toString).toList();
  }
}
