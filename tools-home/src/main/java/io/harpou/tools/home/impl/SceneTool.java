package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** activate_scene and run_script. */
final class SceneTool extends HomeTool {

  private final boolean script;

  SceneTool(HomeAccess access, boolean script) {
    super(access, script
        ? new ToolSpec("run_script", "Runs a Home Assistant script, optionally with variables.",
            Schemas.with(Schemas.targeted(), "variables", new JsonObject().put("type", "object")
                .put("description", "Variables passed to the script")), Risk.ACT, false)
        : new ToolSpec("activate_scene", "Activates a scene, e.g. 'movie night'.", Schemas.targeted(), Risk.ACT,
            false));
    this.script = script;
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    Object variables = request.args.getValue("variables");
    if (variables != null && !(variables instanceof JsonObject)) {
      throw new ToolArgumentsException("variables must be an object");
    }
    List<HomeEntity> targets = request.targets(Set.of(script ? "script" : "scene"));
    JsonObject data = variables == null ? null : new JsonObject().put("variables", variables);
    String text = request.say(script ? "script" : "scene", request.names(targets));
    return request.call(script ? "script" : "scene", "turn_on", targets, data).map(r -> ToolResult.ok(text));
  }
}
