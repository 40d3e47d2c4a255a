package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.http.ApiKey;
import io.harpou.bridge.vertx.http.ApiKeys;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys in SQLite, verified against an in-memory copy of their hashes. */
public final class ApiKeysImpl implements ApiKeys {

  static final String COMPONENT = "http";
  /** The HTTP API's table: key names and the SHA-256 of each key. */
  static final List<String> MIGRATIONS = List.of(
      "CREATE TABLE http_api_keys (name TEXT PRIMARY KEY, hash BLOB NOT NULL, created_at TEXT NOT NULL)");
  private static final String PREFIX = "hpk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private volatile Map<String, byte[]> hashes = Map.of();

  private ApiKeysImpl(Database database) {
    this.database = database;
  }

  /** Migrates the tables and loads the hashes. */
  public static Future<ApiKeys> open(Database database) {
    ApiKeysImpl keys = new ApiKeysImpl(database);
    return database.migrate(COMPONENT, MIGRATIONS).compose(v -> keys.reload()).map(keys);
  }

  @Override
  public Future<String> create(String name) {
    try {
      ApiKey.requireValidName(name);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return database.run(c -> {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO http_api_keys(name, hash, created_at) VALUES(?, ?, ?) ON CONFLICT(name) DO NOTHING")) {
        insert.setString(1, name);
        insert.setBytes(2, sha256(key));
        insert.setString(3, Instant.now().toString());
        if (insert.executeUpdate() == 0) {
          throw new BridgeException("an API key named '" + name + "' already exists; revoke it first");
        }
      }
      return key;
    }).compose(k -> reload().map(k));
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
  public Future<Boolean> revoke(String name) {
    return database.run(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM http_api_keys WHERE name = ?")) {
        delete.setString(1, name);
        return delete.executeUpdate() > 0;
      }
    }).compose(deleted -> reload().map(deleted));
  }

  @Override
  public Future<Void> reload() {
    return database.run(c -> {
      Map<String, byte[]> loaded = new LinkedHashMap<>();
      try (Statement query = c.createStatement();
           ResultSet rows = query.executeQuery("SELECT name, hash FROM http_api_keys")) {
        while (rows.next()) {
          loaded.put(rows.getString(1), rows.getBytes(2));
        }
      }
      return loaded;
    }).map(loaded -> {
      hashes = Map.copyOf(loaded);
      return null;
    });
  }

  @Override
  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  @Override
  public Optional<String> verify(String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > 512) {
      return Optional.empty();
    }
    byte[] hash = sha256(presented);
    String match = null;
    // Every stored hash is compared, so the time taken does not say which (or whether one) matched.
    for (Map.Entry<String, byte[]> entry : hashes.entrySet()) {
      if (MessageDigest.isEqual(hash, entry.getValue())) {
        match = entry.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
