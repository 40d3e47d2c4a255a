package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.http.impl.ApiKeysImpl;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The API keys that may call the HTTP API, stored hashed (SHA-256) in a {@link KeyTable}. When at least one key
 * exists, every request needs {@code Authorization: Bearer <key>}. Verification reads an in-memory copy of the
 * hashes and compares in constant time; the copy is refreshed after each change made here and by {@link #reload()}.
 * Futures complete on the caller's context and fail with {@link io.harpou.bridge.api.BridgeException} when the
 * database cannot be reached.
 */
public interface ApiKeys {

  /** Opens the key store in {@code database}, creating its table on first use, and loads the hashes. */
  static Future<ApiKeys> open(Database database) {
    return KeyTable.open(database).compose(ApiKeysImpl::open);
  }

  /** Opens the key store on {@code table} (the embedded database's or a shared one) and loads the hashes. */
  static Future<ApiKeys> open(KeyTable table) {
    return ApiKeysImpl.open(table);
  }

  /**
   * Creates a key and returns it; this is the only time the key can be seen. The Future fails with
   * {@link IllegalArgumentException} for an invalid name and {@link io.harpou.bridge.api.BridgeException} when a key
   * with that name exists.
   */
  Future<String> create(String name);

  /** The stored keys, oldest first. */
  Future<List<ApiKey>> list();

  /** Deletes the key with this name; false when there was none. */
  Future<Boolean> revoke(String name);

  /** Reloads the hashes from the database, picking up keys created by another process. */
  Future<Void> reload();

  /** True when no key exists, so the API is open to whoever can reach its address. */
  boolean isEmpty();

  /** The name of the key {@code presented} matches, or empty. Compares every stored hash in constant time. */
  Optional<String> verify(String presented);
}
