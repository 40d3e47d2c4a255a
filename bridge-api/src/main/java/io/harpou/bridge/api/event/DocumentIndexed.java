package io.harpou.bridge.api.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A document of the library was indexed again (new or changed content) or removed, so answers that cited it are
 * stale.
 *
 * @param time when
 * @param file the file's path inside the documents folder, as passages cite it
 * @param change {@code indexed} or {@code removed}
 */
public record DocumentIndexed(Instant time, String file, String change) implements BridgeEvent {

  public static final String KIND = "document_indexed";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String conversationId() {
    return null;
  }

  @Override
  public JsonObject body() {
    return new JsonObject().put("file", file).put("change", change);
  }

  static DocumentIndexed read(Instant time, JsonObject json) {
    return new DocumentIndexed(time, json.getString("file"), json.getString("change"));
  }
}
