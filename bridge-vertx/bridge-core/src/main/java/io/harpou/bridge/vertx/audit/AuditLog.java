package io.harpou.bridge.vertx.audit;

import io.harpou.bridge.vertx.audit.impl.SqlAuditLog;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import java.util.List;

/**
 * Every tool execution, kept in the embedded database. Futures complete on the caller's context and fail with
 * {@link io.harpou.bridge.api.BridgeException} when the database cannot be reached.
 */
public interface AuditLog {

  /** Opens the audit log in {@code database}, creating its table on first use. */
  static Future<AuditLog> open(Database database) {
    return SqlAuditLog.open(database);
  }

  /** Writes one row; the Future succeeds once it is stored. */
  Future<Void> record(AuditEntry entry);

  /** The rows matching {@code query}, newest first. */
  Future<List<AuditEntry>> query(AuditQuery query);
}
