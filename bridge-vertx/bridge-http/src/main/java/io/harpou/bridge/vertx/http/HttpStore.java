package io.harpou.bridge.vertx.http;

import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;

/**
 * Where the HTTP API finds the API keys and the audit log it shows: the embedded database by default
 * ({@link #of(Database)}), or a database several hubs share. Futures fail with
 * {@link io.harpou.bridge.api.BridgeException} when the store cannot be reached.
 */
public interface HttpStore {

  /** The store in the embedded database. */
  static HttpStore of(Database database) {
    return new HttpStore() {
      @Override
      public Future<KeyTable> keys() {
        return KeyTable.open(database);
      }

      @Override
      public Future<AuditLog> auditLog() {
        return AuditLog.open(database);
      }
    };
  }

  /** Opens the API keys' table. */
  Future<KeyTable> keys();

  /** Opens the audit log. */
  Future<AuditLog> auditLog();
}
