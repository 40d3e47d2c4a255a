package io.harpou.bridge.vertx.profiles.impl;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.profiles.ProfileConflictException;
import io.harpou.bridge.vertx.profiles.ProfileNotFoundException;
import io.harpou.bridge.vertx.profiles.ProfileStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Profiles in SQLite, one JSON row each, with an in-memory copy replaced after every change. */
public final class SqlProfileStore implements ProfileStore {

  static final String COMPONENT = "profiles";
  static final List<String> MIGRATIONS = List.of("CREATE TABLE agent_profiles (id TEXT PRIMARY KEY,"
      + " body TEXT NOT NULL, updated_at TEXT NOT NULL)");

  private final Database database;
  private volatile List<AgentProfile> profiles = List.of();

  private SqlProfileStore(Database database) {
    this.database = database;
  }

  /** Migrates the table and loads the profiles. */
  public static Future<ProfileStore> open(Database database) {
    SqlProfileStore store = new SqlProfileStore(database);
    return database.migrate(COMPONENT, MIGRATIONS).compose(v -> store.reload()).map(store);
  }

  @Override
  public List<AgentProfile> all() {
    return profiles;
  }

  @Override
  public Future<AgentProfile> create(AgentProfile profile) {
    AgentProfile saved = profile.savedAt(now());
    return database.transaction(c -> {
      checkModelId(c, saved);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO agent_profiles(id, body, updated_at)"
          + " VALUES(?, ?, ?) ON CONFLICT(id) DO NOTHING")) {
        insert.setString(1, saved.id());
        insert.setString(2, saved.toJson().encode());
        insert.setString(3, saved.updatedAt().toString());
        if (insert.executeUpdate() == 0) {
          throw new ProfileConflictException("a profile with id '" + saved.id() + "' exists");
        }
      }
      return saved;
    }).compose(this::reloaded);
  }

  @Override
  public Future<AgentProfile> update(AgentProfile profile, Instant expected) {
    AgentProfile saved = profile.savedAt(now());
    return database.transaction(c -> {
      checkModelId(c, saved);
      try (PreparedStatement update = c.prepareStatement(
          "UPDATE agent_profiles SET body = ?, updated_at = ? WHERE id = ? AND updated_at = ?")) {
        update.setString(1, saved.toJson().encode());
        update.setString(2, saved.updatedAt().toString());
        update.setString(3, saved.id());
        update.setString(4, expected == null ? "" : expected.toString());
        if (update.executeUpdate() == 1) {
          return saved;
        }
      }
      if (stored(c).stream().noneMatch(p -> p.id().equals(saved.id()))) {
        throw new ProfileNotFoundException(saved.id());
      }
      throw new ProfileConflictException("profile '" + saved.id() + "' changed since " + expected
          + "; read it again and send its current updated_at");
    }).compose(this::reloaded);
  }

  @Override
  public Future<Boolean> delete(String id) {
    return database.run(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM agent_profiles WHERE id = ?")) {
        delete.setString(1, id);
        return delete.executeUpdate() > 0;
      }
    }).compose(deleted -> reload().map(deleted));
  }

  private <T> Future<T> reloaded(T result) {
    return reload().map(result);
  }

  private Future<Void> reload() {
    return database.run(SqlProfileStore::stored).map(loaded -> {
      profiles = List.copyOf(loaded);
      return null;
    });
  }

  private static void checkModelId(Connection c, AgentProfile profile) throws SQLException {
    for (AgentProfile other : stored(c)) {
      if (!other.id().equals(profile.id()) && other.modelId().equals(profile.modelId())) {
        throw new ProfileConflictException("profile '" + other.id() + "' already answers to the model id '"
            + profile.modelId() + "'");
      }
    }
  }

  private static List<AgentProfile> stored(Connection c) throws SQLException {
    List<AgentProfile> loaded = new ArrayList<>();
    try (Statement query = c.createStatement();
         ResultSet rows = query.executeQuery("SELECT body FROM agent_profiles ORDER BY id")) {
      while (rows.next()) {
        loaded.add(AgentProfile.fromJson(new JsonObject(rows.getString(1))));
      }
    }
    return loaded;
  }

  /** Milliseconds are enough to tell versions apart and survive every JSON client's date handling. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
