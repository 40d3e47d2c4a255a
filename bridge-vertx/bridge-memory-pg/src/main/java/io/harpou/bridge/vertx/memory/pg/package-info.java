/**
 * Memories and documents in the PostgreSQL database several hubs share: the same rows and behaviour as in the
 * embedded database, PostgreSQL full-text search for words, and each hub's vector index following what the others
 * write.
 */
package io.harpou.bridge.vertx.memory.pg;
