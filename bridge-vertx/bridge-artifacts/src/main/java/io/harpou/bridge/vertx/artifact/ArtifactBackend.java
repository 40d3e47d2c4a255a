package io.harpou.bridge.vertx.artifact;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;

/**
 * Where artifact bytes and records live: a small set of blocking operations that the store runs on its own worker
 * threads. The store checks ids, sizes, the quota and retention before it calls them; a backend only keeps bytes
 * faithfully. Ids reaching a backend always have the shape of {@link io.harpou.bridge.api.artifact.ArtifactStore#ID}.
 */
public interface ArtifactBackend {

  /** Every record kept (the JSON of {@link io.harpou.bridge.api.artifact.Artifact#toJson}), read at start. */
  List<JsonObject> records() throws IOException;

  /** Writes an artifact's bytes, replacing any, so that a reader sees either nothing or all of them. */
  void writeContent(String id, Buffer content, String contentType) throws IOException;

  /** Writes (or replaces) an artifact's record. */
  void writeRecord(String id, JsonObject record) throws IOException;

  /** An artifact's bytes. */
  Buffer readContent(String id) throws IOException;

  /** Deletes an artifact's bytes and record; nothing happens for what is already gone. */
  void delete(String id) throws IOException;

  /** Where the artifacts are, for people, never with credentials. */
  String describe();

  /** Releases connections, on one of the store's worker threads like every other operation; the default holds none. */
  default void close() {
  }
}
