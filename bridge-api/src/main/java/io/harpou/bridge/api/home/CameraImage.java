package io.harpou.bridge.api.home;

import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * A still image from a camera, as Home Assistant's {@code camera_proxy} serves it.
 *
 * @param bytes the image
 * @param contentType its media type, such as {@code image/jpeg}
 */
public record CameraImage(Buffer bytes, String contentType) {

  /** Requires both. */
  public CameraImage {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(contentType, "contentType");
  }
}
