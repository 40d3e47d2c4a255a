package io.harpou.bridge.vertx.settings;

import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/** The household's settings in the embedded database: one row. */
final class SqlSettingsTable implements SettingsTable {

  private static final String COMPONENT = "settings";
  /** One row: the settings saved from the console, as JSON over the configuration's defaults. */
  private static final List<String> MIGRATIONS = List.of("CREATE TABLE household_settings"
      + " (id INTEGER PRIMARY KEY CHECK (id = 1), settings TEXT NOT NULL, updated_at TEXT NOT NULL)");

  private final Database database;

  private SqlSettingsTable(Database database) {
    this.database = database;
  }

  static Future<SettingsTable> open(Database database) {
    return database.migrate(COMPONENT, MIGRATIONS).map(v -> new SqlSettingsTable(database));
  }

  @Override
  public Future<String> load() {
    return database.run(c -> {
      try (Statement query = c.createStatement();
           ResultSet row = query.executeQuery("SELECT settings FROM household_settings WHERE id = 1")) {
        return row.next() ? row.getString(1) : null;
      }
    });
  }

  @Override
  public Future<Void> save(String json, Instant at) {
    return database.write(c -> {
      try (PreparedStatement upsert = c.prepareStatement("INSERT INTO household_settings(id, settings, updated_at)"
          + " VALUES(1, ?, ?) ON CONFLICT(id) DO UPDATE SET settings = excluded.settings,"
          + " updated_at = excluded.updated_at")) {
        upsert.setString(1, json);
        upsert.setString(2, at.toString());
        upsert.executeUpdate();
      }
      return null;
    });
  }
}
