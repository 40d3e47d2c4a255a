/**
 * The memory store's implementation: SQLite tables with FTS5, vector indexes (in memory or Chroma), embedders
 * (all-MiniLM-L6-v2 in process, Ollama), governance rules, document extraction and chunking, the tools and the
 * interpreter.
 */
package io.harpou.bridge.vertx.memory.impl;
