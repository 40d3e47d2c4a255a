package io.harpou.tools.home.impl;

import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.home.CameraImage;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/** What the camera tools share: the one exposed camera a request names, and its still image kept as an artifact. */
final class CameraShots {

  /** A camera's image and the artifact that keeps it. */
  record Shot(HomeEntity camera, CameraImage image, Artifact artifact) {
  }

  private CameraShots() {
  }

  /**
   * Takes the image of the one camera {@code request} names, through Home Assistant's {@code camera_proxy}, and keeps
   * it. Fails with a message for the model when the request names no single camera or the image cannot be had.
   */
  static Future<Shot> take(ToolRequest request) {
    return camera(request).compose(camera -> take(request, camera));
  }

  /** The one exposed camera {@code request} names; fails with {@link Refused} saying which it could mean. */
  static Future<HomeEntity> camera(ToolRequest request) {
    List<HomeEntity> cameras = request.targets(Set.of("camera"));
    return cameras.size() == 1 ? Future.succeededFuture(cameras.get(0))
        : Future.failedFuture(new Refused(Messages.which(request.lang(), cameras, List.of("camera"))));
  }

  /** Takes {@code camera}'s image and keeps it. */
  static Future<Shot> take(ToolRequest request, HomeEntity camera) {
    ArtifactStore store = request.context.artifacts().orElse(null);
    if (store == null) {
      return Future.failedFuture(new Refused("this hub keeps no artifacts, so no camera image can be shown"));
    }
    return request.gateway().cameraImage(camera.entityId())
        .compose(image -> store.put(image.bytes(), ArtifactMetadata.of(image.contentType(), camera.entityId(),
            request.context.utterance())).map(artifact -> new Shot(camera, image, artifact)));
  }

  /** The error result for a failed shot: the refusal's message, or what went wrong. */
  static ToolResult failed(Throwable e) {
    return ToolResult.error(e instanceof Refused ? e.getMessage() : "no camera image: " + e.getMessage());
  }

  /** A shot that cannot be taken, with a message for the model. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
