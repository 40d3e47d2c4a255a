package io.harpou.tools.home.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** JSON-Schema fragments shared by the home tools. */
final class Schemas {

  private Schemas() {
  }

  /** An object schema whose target properties (entity_id, name, area, domain) come first. */
  static JsonObject targeted() {
    JsonObject props = new JsonObject()
        .put("entity_id", new JsonObject().put("description", "Exact entity id(s), e.g. light.kitchen; preferred")
            .put("anyOf", new JsonArray()
                .add(new JsonObject().put("type", "string"))
                .add(new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "string")))))
        .put("name", string("A name or alias as the user said it, e.g. 'kitchen light' or 'all the lights'"))
        .put("area", string("An area (room) name; defaults to the speaker's room for generic names"))
        .put("domain", new JsonObject().put("description", "Limit to these domains, e.g. light")
            .put("anyOf", new JsonArray()
                .add(new JsonObject().put("type", "string"))
                .add(new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "string")))));
    return new JsonObject().put("type", "object").put("properties", props);
  }

  static JsonObject string(String description) {
    return new JsonObject().put("type", "string").put("description", description);
  }

  static JsonObject number(String description, double min, double max) {
    return new JsonObject().put("type", "number").put("description", description).put("minimum", min)
        .put("maximum", max);
  }

  static JsonObject choice(String description, String... values) {
    return new JsonObject().put("type", "string").put("description", description)
        .put("enum", new JsonArray(java.util.List.of((Object[]) values)));
  }

  /** Adds a property to an object schema. */
  static JsonObject with(JsonObject schema, String name, JsonObject property) {
    schema.getJsonObject("properties").put(name, property);
    return schema;
  }

  /** Marks properties required. */
  static JsonObject required(JsonObject schema, String... names) {
    schema.put("required", new JsonArray(java.util.List.of((Object[]) names)));
    return schema;
  }

  /** An object schema with no properties yet. */
  static JsonObject object() {
    return new JsonObject().put("type", "object").put("properties", new JsonObject());
  }
}
