package io.harpou.bridge.vertx.store.pg;

import io.harpou.bridge.vertx.agent.AgentStore;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.http.HttpStore;
import io.harpou.bridge.vertx.profiles.ProfileStore;
import io.harpou.bridge.vertx.rules.RuleTable;
import io.harpou.bridge.vertx.store.pg.impl.PgStoreImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * The hub's shared state in PostgreSQL, for every hub that opens the same database: the audit log, the conversation
 * history, the tasks, the household's settings, the agent profiles, the models' usage ledger, the added notification
 * rules and the API keys, with the same tables as the embedded store and the same migrations, translated. Exactly one
 * hub runs a task that falls due (its row is claimed with {@code FOR UPDATE SKIP LOCKED}). Futures complete on the
 * caller's context and fail with {@link io.harpou.bridge.api.BridgeException} when the database cannot be reached.
 */
public interface PgStore extends AgentStore, HttpStore {

  /**
   * Connects a pool to the database and checks that it answers. The Future fails with
   * {@link io.harpou.bridge.api.BridgeException} when it does not.
   */
  static Future<PgStore> open(Vertx vertx, PgStoreOptions options) {
    return PgStoreImpl.open(vertx, options);
  }

  /**
   * Opens the agent profiles, held in memory and read again each second, so a profile made on another hub answers
   * here within a second.
   */
  Future<ProfileStore> profiles();

  /**
   * Opens the notification rules added by speech, the console and the API; each hub running the rules reads them
   * again each second.
   */
  Future<RuleTable> rules();

  /** Opens the audit log, for the agent and the HTTP API alike. */
  @Override
  Future<AuditLog> auditLog();

  /** The pool, for components that keep their own tables in the same database. */
  Pool pool();

  /**
   * Brings a component's tables up to date: {@code migrations} is its whole history, oldest first; those not yet
   * applied run in one transaction, never on two hubs at once. Returns the version reached.
   */
  Future<Integer> migrate(String component, List<String> migrations);

  /** The database, without its password. */
  String describe();

  /** Closes the pool. */
  Future<Void> close();
}
