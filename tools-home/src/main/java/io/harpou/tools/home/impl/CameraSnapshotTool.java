package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** camera_snapshot: a still image of a camera, kept as an artifact the console shows. */
final class CameraSnapshotTool extends HomeTool {

  CameraSnapshotTool(HomeAccess access) {
    super(access, new ToolSpec("camera_snapshot", "Shows a still image from a camera (the console displays it) and "
        + "returns the image's artifact.", Schemas.targeted(), Risk.READ, false));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    return CameraShots.take(request).map(shot -> ToolResult.ok(new JsonObject()
            .put("message", request.say("snapshot", shot.camera().displayName(request.lang())))
            .put("artifact", shot.artifact().toJson())))
        .otherwise(CameraShots::failed);
  }
}
