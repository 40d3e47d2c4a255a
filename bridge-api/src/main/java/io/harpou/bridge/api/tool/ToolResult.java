package io.harpou.bridge.api.tool;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;

/**
 * What a tool returns: text or JSON for the model to read, and whether it failed. A failing tool returns an error
 * result rather than failing its Future, so the model can read what went wrong and the turn goes on.
 *
 * @param text plain text, or null when the result is JSON
 * @param json structured content, or null when the result is text
 * @param error true when the call failed or its outcome is unknown
 * @param outcomeUnknown true when the action was sent but its answer was lost, so it may or may not have happened
 *     (the text says what is true now); such a result is also an error and the action is never sent again
 */
public record ToolResult(String text, JsonObject json, boolean error, boolean outcomeUnknown) {

  /** Requires exactly one of text and JSON; an unknown outcome is an error. */
  public ToolResult {
    if ((text == null) == (json == null)) {
      throw new IllegalArgumentException("a tool result holds either text or JSON");
    }
    error = error || outcomeUnknown;
  }

  /** A result whose outcome is known. */
  public ToolResult(String text, JsonObject json, boolean error) {
    this(text, json, error, false);
  }

  /** A successful text result. */
  public static ToolResult ok(String text) {
    return new ToolResult(text, null, false);
  }

  /** A successful JSON result. */
  public static ToolResult ok(JsonObject json) {
    return new ToolResult(null, json, false);
  }

  /** A failed result whose message the model reads. */
  public static ToolResult error(String message) {
    return new ToolResult(message, null, true);
  }

  /**
   * A result for an action that was sent but whose answer was lost: it may or may not have happened, and
   * {@code message} says so, with what is true now.
   */
  public static ToolResult unknown(String message) {
    return new ToolResult(message, null, true, true);
  }

  /** The content as the model receives it: the text, or the JSON encoded. */
  public String content() {
    return text != null ? text : json.encode();
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject out = new JsonObject().put("error", error);
    if (outcomeUnknown) {
      out.put("outcome_unknown", true);
    }
    Json.putIfPresent(out, "text", text);
    return Json.putIfPresent(out, "json", json);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static ToolResult fromJson(JsonObject json) {
    return new ToolResult(json.getString("text"), json.getJsonObject("json"), json.getBoolean("error", false),
        json.getBoolean("outcome_unknown", false));
  }
}
