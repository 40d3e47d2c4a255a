package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.http.impl.SqlKeyTable;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the API keys' names and hashes are stored: the embedded database by default, or a database several hubs share
 * so a key works on each of them. {@link ApiKeys} keeps the secrets out of it and verifies against it. Futures fail
 * with {@link io.harpou.bridge.api.BridgeException} when the store cannot be reached.
 */
public interface KeyTable {

  /** The table in the embedded database, created on first use. */
  static Future<KeyTable> open(Database database) {
    return SqlKeyTable.open(database);
  }

  /** Stores a key's hash under a new name; false, with nothing changed, when the name is taken. */
  Future<Boolean> insert(String name, byte[] hash, Instant createdAt);

  /** The stored keys, oldest first. */
  Future<List<ApiKey>> list();

  /** Deletes the key with this name; false when there was none. */
  Future<Boolean> delete(String name);

  /** Every key's hash, by name. */
  Future<Map<String, byte[]>> hashes();
}
