package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.vertx.agent.impl.ConversationStore;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.Future;

/**
 * Where the agent keeps what must outlive it: the audit log, the conversation history and the tasks. The embedded
 * SQLite database is the default ({@link #of(Database)}); a shared store (PostgreSQL) lets several hubs share them.
 * Each method creates or migrates its tables on first use; Futures fail with
 * {@link io.harpou.bridge.api.BridgeException} when the store cannot be reached.
 */
public interface AgentStore {

  /** The store in the embedded database. */
  static AgentStore of(Database database) {
    return new AgentStore() {
      @Override
      public Future<AuditLog> auditLog() {
        return AuditLog.open(database);
      }

      @Override
      public Future<ConversationHistory> history(int limit) {
        return ConversationStore.open(database, limit).map(store -> store);
      }

      @Override
      public Future<DurableTaskService.TaskTable> tasks() {
        return DurableTaskService.openTable(database);
      }
    };
  }

  /** Opens the audit log. */
  Future<AuditLog> auditLog();

  /** Opens the conversation history; {@code limit} is how many recent messages it returns. */
  Future<ConversationHistory> history(int limit);

  /** Opens the tasks' table. */
  Future<DurableTaskService.TaskTable> tasks();
}
