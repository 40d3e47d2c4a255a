package io.harpou.bridge.vertx.memory;

import io.harpou.bridge.api.memory.Passage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Personal documents (Markdown, text, HTML, PDF) from one folder, chunked, embedded and searchable with citations.
 * Futures complete on the caller's context and fail with {@link io.harpou.bridge.api.BridgeException} when the
 * database or the embedding model fails.
 */
public interface DocumentLibrary {

  /**
   * Brings the index up to date with the folder: new and changed files (by content hash) are indexed, deleted ones
   * removed. A file that cannot be read is skipped and reported; it never stops the others.
   *
   * @return counts: {@code indexed}, {@code removed}, {@code unchanged}, {@code failed}, {@code pages}, {@code chunks}
   */
  Future<JsonObject> sync();

  /** The passages that best answer {@code text}, best first. */
  Future<List<Passage>> search(String text, int limit);

  /** The indexed files, as {@code {"file", "pages", "chunks", "indexed_at"}} objects. */
  Future<List<JsonObject>> files();
}
