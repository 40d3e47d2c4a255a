package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.api.vision.VisionModel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * describe_camera: takes a camera's image, keeps it as an artifact and asks the vision model about it ("is there a
 * package at the front door?"); the answer cites the image.
 */
final class DescribeCameraTool extends HomeTool {

  DescribeCameraTool(HomeAccess access) {
    super(access, new ToolSpec("describe_camera", "Looks at a camera's live image and answers a question about it, "
        + "e.g. whether there is a package at the front door or who is in the garden.",
        Schemas.with(Schemas.targeted(), "question", Schemas.string("What to find out from the image")),
        Risk.READ, false));
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    VisionModel vision = request.context.vision().orElse(null);
    String asked = request.string("question");
    String question = asked == null ? "Describe what this camera image shows." : asked;
    return CameraShots.camera(request)
        .compose(camera -> vision == null ? Future.failedFuture(new CameraShots.Refused("no vision model is "
            + "configured (agent.vision.model), so I cannot look at cameras; camera_snapshot shows the image"))
            : CameraShots.take(request, camera))
        .compose(shot -> vision.ask(question, List.of(new VisionModel.Image(shot.image().bytes(),
                shot.image().contentType())), request.context.utterance())
            .map(answer -> ToolResult.ok(new JsonObject().put("message", answer).put("answer", answer)
                .put("camera", shot.camera().entityId()).put("artifact", shot.artifact().toJson())))
            // The image was taken: what failed is the vision model, which says why (down, or its budget spent).
            .otherwise(e -> ToolResult.error(e.getMessage())))
        .otherwise(CameraShots::failed);
  }
}
