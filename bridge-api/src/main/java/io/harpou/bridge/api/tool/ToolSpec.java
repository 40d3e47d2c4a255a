package io.harpou.bridge.api.tool;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * What a tool is, as the model sees it: a snake_case name, a description written for an LLM, JSON-Schema parameters,
 * its {@link Risk}, and whether it may run long enough to become a background task.
 *
 * @param name snake_case, unique across the registry
 * @param description one or two sentences telling the model when to use the tool
 * @param parameters a JSON Schema of type {@code object}
 * @param risk what the policy asks before it runs
 * @param longRunning true when a call may take seconds or more and should run as a background task
 */
public record ToolSpec(String name, String description, JsonObject parameters, Risk risk, boolean longRunning) {

  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  /** Validates the name, the description and the schema's top-level type. */
  public ToolSpec {
    if (name == null || !SNAKE_CASE.matcher(name).matches()) {
      throw new IllegalArgumentException("tool name must be snake_case: " + name);
    }
    Json.requireText(description, "description of tool " + name);
    parameters = parameters == null ? emptySchema() : parameters.copy();
    if (!"object".equals(parameters.getString("type"))) {
      throw new IllegalArgumentException("parameters of tool " + name + " must be a JSON Schema of type object");
    }
    if (risk == null) {
      throw new IllegalArgumentException("risk of tool " + name + " must be set");
    }
  }

  /** A spec for a tool that takes no arguments and finishes quickly. */
  public static ToolSpec of(String name, String description, Risk risk) {
    return new ToolSpec(name, description, emptySchema(), risk, false);
  }

  /** The schema of a tool without parameters. */
  public static JsonObject emptySchema() {
    return new JsonObject().put("type", "object").put("properties", new JsonObject());
  }

  /** The JSON form, as {@code /api/tools} lists it. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("description", description)
        .put("parameters", parameters.copy())
        .put("risk", risk.jsonName())
        .put("long_running", longRunning);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static ToolSpec fromJson(JsonObject json) {
    return new ToolSpec(json.getString("name"), json.getString("description"), json.getJsonObject("parameters"),
        Risk.fromJson(json.getString("risk", "read")), json.getBoolean("long_running", false));
  }
}
