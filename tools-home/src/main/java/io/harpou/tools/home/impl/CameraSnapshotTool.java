package io.harpou.tools.home.impl;

import io.harpou.bridge.api.OutsideRootException;
import io.harpou.bridge.api.RootedPaths;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** camera_snapshot: asks Home Assistant to save a camera image under the data directory and returns its path. */
final class CameraSnapshotTool extends HomeTool {

  private static final String SNAPSHOTS = "snapshots";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  CameraSnapshotTool(HomeAccess access) {
    super(access, new ToolSpec("camera_snapshot", "Saves a still image from a camera and returns the file path.",
        Schemas.targeted(), Risk.READ, false));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    List<HomeEntity> cameras = request.targets(Set.of("camera"));
    if (cameras.size() != 1) {
      return Future.succeededFuture(ToolResult.error(Messages.which(request.lang(), cameras, List.of("camera"))));
    }
    HomeEntity camera = cameras.get(0);
    String name = camera.entityId().replace('.', '_') + "-" + LocalDateTime.now().format(STAMP) + ".jpg";
    Path data = request.context.dataDir();
    // Home Assistant writes where it is told: the snapshots folder must really be inside the data folder.
    return request.context.vertx().fileSystem().mkdirs(data.resolve(SNAPSHOTS).toString())
        .compose(v -> RootedPaths.resolve(request.context.vertx(), data, SNAPSHOTS))
        .map(dir -> dir.resolve(name))
        .compose(file -> request.call("camera", "snapshot", cameras, new JsonObject().put("filename", file.toString()))
            .map(r -> ToolResult.ok(new JsonObject().put("path", file.toString())
                .put("message", request.say("snapshot", camera.displayName(request.lang()), file)))),
            e -> Future.succeededFuture(ToolResult.error(e instanceof OutsideRootException
                ? "the snapshots folder links outside the data folder; no snapshot was taken"
                : "cannot prepare the snapshots folder: " + e.getMessage())));
  }
}
