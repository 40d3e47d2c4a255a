package io.harpou.bridge.vertx.settings;

import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The household's settings as they are now, kept in SQLite so they survive a restart. Everything that obeys them (the
 * prompt, the model's thinking, the policy's view of hidden and protected entities) asks {@link #current()} at each
 * turn or call instead of keeping a copy, so a save applies from the next turn on.
 */
public final class LiveSettings {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSettings.class);
  private static final String COMPONENT = "settings";
  /** One row: the settings saved from the console, as JSON over the configuration's defaults. */
  private static final List<String> MIGRATIONS = List.of("CREATE TABLE household_settings"
      + " (id INTEGER PRIMARY KEY CHECK (id = 1), settings TEXT NOT NULL, updated_at TEXT NOT NULL)");

  private final Database database;
  private volatile HouseholdSettings current;

  private LiveSettings(Database database, HouseholdSettings current) {
    this.database = database;
    this.current = current;
  }

  /**
   * Migrates the table and loads what was saved over {@code defaults} (the configuration's values). A saved row that
   * no longer validates is logged and left out, so a bad row never stops the agent.
   */
  public static Future<LiveSettings> open(Database database, HouseholdSettings defaults) {
    return database.migrate(COMPONENT, MIGRATIONS).compose(v -> database.run(c -> {
      try (Statement query = c.createStatement();
           ResultSet row = query.executeQuery("SELECT settings FROM household_settings WHERE id = 1")) {
        return row.next() ? row.getString(1) : null;
      }
    })).map(saved -> {
      if (saved == null) {
        return new LiveSettings(database, defaults);
      }
      try {
        return new LiveSettings(database, defaults.with(new JsonObject(saved)));
      } catch (IllegalArgumentException | DecodeException e) {
        LOG.warn("The saved settings are unusable, using the configuration's: {}", e.getMessage());
        return new LiveSettings(database, defaults);
      }
    });
  }

  /** The settings in force. */
  public HouseholdSettings current() {
    return current;
  }

  /** Stores {@code settings}, then puts them in force; on a database failure the ones in force stay. */
  public Future<HouseholdSettings> save(HouseholdSettings settings) {
    return database.write(c -> {
      try (PreparedStatement upsert = c.prepareStatement("INSERT INTO household_settings(id, settings, updated_at)"
          + " VALUES(1, ?, ?) ON CONFLICT(id) DO UPDATE SET settings = excluded.settings,"
          + " updated_at = excluded.updated_at")) {
        upsert.setString(1, settings.toJson().encode());
        upsert.setString(2, Instant.now().toString());
        upsert.executeUpdate();
      }
      return settings;
    }).onSuccess(saved -> current = saved);
  }
}
