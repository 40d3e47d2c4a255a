package io.harpou.tools.system.common;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Builds the JSON Schema of a tool's arguments: an object with typed, described properties. */
public final class Schema {

  private final JsonObject properties = new JsonObject();
  private final JsonArray required = new JsonArray();

  private Schema() {
  }

  /** An object schema with no properties yet. */
  public static Schema object() {
    return new Schema();
  }

  /** Adds a string property. */
  public Schema string(String name, String description, boolean isRequired) {
    return add(name, new JsonObject().put("type", "string").put("description", description), isRequired);
  }

  /** Adds a string property limited to {@code values}. */
  public Schema choice(String name, String description, List<String> values, boolean isRequired) {
    return add(name, new JsonObject().put("type", "string").put("description", description)
        .put("enum", new JsonArray(values)), isRequired);
  }

  /** Adds an integer property between {@code min} and {@code max}. */
  public Schema integer(String name, String description, int min, int max, boolean isRequired) {
    return add(name, new JsonObject().put("type", "integer").put("description", description).put("minimum", min)
        .put("maximum", max), isRequired);
  }

  /** Adds a boolean property. */
  public Schema bool(String name, String description) {
    return add(name, new JsonObject().put("type", "boolean").put("description", description), false);
  }

  /** Adds an array-of-strings property. */
  public Schema strings(String name, String description, boolean isRequired) {
    return add(name, new JsonObject().put("type", "array").put("description", description)
        .put("items", new JsonObject().put("type", "string")), isRequired);
  }

  private Schema add(String name, JsonObject property, boolean isRequired) {
    properties.put(name, property);
    if (isRequired) {
      required.add(name);
    }
    return this;
  }

  /** The schema. */
  public JsonObject build() {
    JsonObject schema = new JsonObject().put("type", "object").put("properties", properties.copy());
    return required.isEmpty() ? schema : schema.put("required", required.copy());
  }
}
