/**
 * Semantic memory and personal documents for the hub: {@link io.harpou.bridge.vertx.memory.MemoryService} (the
 * {@link io.harpou.bridge.api.memory.MemoryStore} with governance and forgetting),
 * {@link io.harpou.bridge.vertx.memory.DocumentLibrary} (retrieval over a watched folder, with citations), the
 * embedders, the LLM fact extractor, the {@code memory} tool provider and the component that wires them into the
 * bridge. Everything is embedded by default (SQLite with FTS5 plus in-process vectors); Chroma holds the vectors when
 * {@code memory.chroma.url} is set.
 */
package io.harpou.bridge.vertx.memory;
