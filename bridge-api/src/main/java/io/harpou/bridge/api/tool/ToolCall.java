package io.harpou.bridge.api.tool;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * One request to run a tool, as the model or an interpreter made it.
 *
 * @param id identifies the call within a turn, so results can be matched to requests
 * @param name the tool's name
 * @param arguments the arguments, an object matching the tool's schema
 */
public record ToolCall(String id, String name, JsonObject arguments) {

  /** Validates the name and defaults the id and the arguments. */
  public ToolCall {
    Json.requireText(name, "tool name");
    id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    arguments = arguments == null ? new JsonObject() : arguments;
  }

  /** A call with a fresh id. */
  public static ToolCall of(String name, JsonObject arguments) {
    return new ToolCall(null, name, arguments);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("arguments", arguments.copy());
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static ToolCall fromJson(JsonObject json) {
    return new ToolCall(json.getString("id"), json.getString("name"), json.getJsonObject("arguments"));
  }
}
