package io.harpou.bridge.vertx.settings;

import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * Where the household's saved settings are kept: one row of JSON, in the embedded database ({@link #of(Database)})
 * or in a database several hubs share. Futures fail with {@link io.harpou.bridge.api.BridgeException} when the store
 * cannot be reached.
 */
public interface SettingsTable {

  /** The table in the embedded database, created on first use. */
  static Future<SettingsTable> of(Database database) {
    return SqlSettingsTable.open(database);
  }

  /** The saved settings' JSON, or null when none were saved. */
  Future<String> load();

  /** Replaces the saved settings. */
  Future<Void> save(String json, Instant at);

  /** Whether other hubs share the row, so a save may come from another hub and the row must be read again. */
  default boolean shared() {
    return false;
  }
}
