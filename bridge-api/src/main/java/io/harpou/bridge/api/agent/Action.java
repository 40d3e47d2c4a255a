package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One thing the turn did: which tool ran, on what, and whether it worked.
 *
 * @param tool the tool's name
 * @param targets what it acted on
 * @param success whether it worked
 */
public record Action(String tool, List<ActionTarget> targets, boolean success) {

  /** Validates the tool name and copies the targets. */
  public Action {
    Json.requireText(tool, "action tool");
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** The JSON form. */
  public JsonObject toJson() {
    return new JsonObject().put("tool", tool).put("targets", Json.array(targets, ActionTarget::toJson))
        .put("success", success);
  }

  /** Reads the JSON form; unknown keys are ignored. */
  public static Action fromJson(JsonObject json) {
    return new Action(json.getString("tool"), Json.objects(json, "targets", ActionTarget::fromJson),
        json.getBoolean("success", true));
  }
}
