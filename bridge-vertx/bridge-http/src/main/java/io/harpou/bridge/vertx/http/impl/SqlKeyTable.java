package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.http.ApiKey;
import io.harpou.bridge.vertx.http.KeyTable;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API keys' table in the embedded database. */
public final class SqlKeyTable implements KeyTable {

  static final String COMPONENT = "http";
  /** The HTTP API's table: key names and the SHA-256 of each key. */
  static final List<String> MIGRATIONS = List.of(
      "CREATE TABLE http_api_keys (name TEXT PRIMARY KEY, hash BLOB NOT NULL, created_at TEXT NOT NULL)");

  private final Database database;

  private SqlKeyTable(Database database) {
    this.database = database;
  }

  /** Migrates the table. */
  public static Future<KeyTable> open(Database database) {
    return database.migrate(COMPONENT, MIGRATIONS).map(v -> new SqlKeyTable(database));
  }

  @Override
  public Future<Boolean> insert(String name, byte[] hash, Instant createdAt) {
    return database.run(c -> {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO http_api_keys(name, hash, created_at) VALUES(?, ?, ?) ON CONFLICT(name) DO NOTHING")) {
        insert.setString(1, name);
        insert.setBytes(2, hash);
        insert.setString(3, createdAt.toString());
        return insert.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<List<ApiKey>> list() {
    return database.run(c -> {
      List<ApiKey> keys = new ArrayList<>();
      try (Statement query = c.createStatement();
           ResultSet rows = query.executeQuery("SELECT name, created_at FROM http_api_keys ORDER BY created_at")) {
        while (rows.next()) {
          keys.add(new ApiKey(rows.getString(1), Instant.parse(rows.getString(2))));
        }
      }
      return keys;
    });
  }

  @Override
  public Future<Boolean> delete(String name) {
    return database.run(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM http_api_keys WHERE name = ?")) {
        delete.setString(1, name);
        return delete.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<Map<String, byte[]>> hashes() {
    return database.run(c -> {
      Map<String, byte[]> loaded = new LinkedHashMap<>();
      try (Statement query = c.createStatement();
           ResultSet rows = query.executeQuery("SELECT name, hash FROM http_api_keys")) {
        while (rows.next()) {
          loaded.put(rows.getString(1), rows.getBytes(2));
        }
      }
      return loaded;
    });
  }
}
