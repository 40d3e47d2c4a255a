/**
 * The hub's embedded database: one SQLite file in the data directory, reached through JDBC on a single worker thread
 * (SQLite has one writer), with versioned migrations per component.
 */
package io.harpou.bridge.vertx.db;
