package io.harpou.bridge.vertx.agent;

import io.harpou.bridge.vertx.agent.impl.ConversationStore;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.models.UsageLedger;
import io.harpou.bridge.vertx.settings.SettingsTable;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.Future;

/**
 * Where the agent keeps what must outlive it: the audit log, the conversation history, the tasks, the household's
 * settings and the ledger of model calls. The embedded SQLite database is the default ({@link #of(Database)}); a
 * shared store (PostgreSQL) lets several hubs share them. Each method creates or migrates its tables on first use;
 * Futures fail with {@link io.harpou.bridge.api.BridgeException} when the store cannot be reached.
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

      @Override
      public Future<SettingsTable> settings() {
        return SettingsTable.of(database);
      }

      @Override
      public Future<UsageLedger> usageLedger() {
        return UsageLedger.of(database);
      }
    };
  }

  /** Opens the audit log. */
  Future<AuditLog> auditLog();

  /** Opens the conversation history; {@code limit} is how many recent messages it returns. */
  Future<ConversationHistory> history(int limit);

  /** Opens the tasks' table. */
  Future<DurableTaskService.TaskTable> tasks();

  /** Opens the household's settings. */
  Future<SettingsTable> settings();

  /** Opens the ledger of model calls, which the budgets count. */
  Future<UsageLedger> usageLedger();
}
