/**
 * The hub's shared state in PostgreSQL, through the reactive Vert.x client: the audit log, the conversation history
 * and the tasks, behind the interfaces the embedded SQLite store implements, so several hubs can share them.
 */
package io.harpou.bridge.vertx.store.pg;
