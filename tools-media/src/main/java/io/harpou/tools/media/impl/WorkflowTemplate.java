package io.harpou.tools.media.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Fills a workflow's slots: every string value that is exactly {@code "{{name}}"} becomes the slot's value (a number
 * stays a number). Values are placed into the JSON tree, never spliced into its text, so a prompt cannot add or
 * change a node whatever it contains.
 */
final class WorkflowTemplate {

  private WorkflowTemplate() {
  }

  static JsonObject fill(JsonObject template, Map<String, Object> slots) {
    return (JsonObject) fill((Object) template, slots);
  }

  private static Object fill(Object value, Map<String, Object> slots) {
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(entry -> copy.put(entry.getKey(), fill(entry.getValue(), slots)));
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(fill(item, slots)));
      return copy;
    }
    if (value instanceof String text && text.startsWith("{{") && text.endsWith("}}")) {
      Object slot = slots.get(text.substring(2, text.length() - 2));
      return slot == null ? value : slot;
    }
    return value;
  }
}
