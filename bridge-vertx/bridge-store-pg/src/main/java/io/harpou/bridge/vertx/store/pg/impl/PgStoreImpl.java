package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.agent.ConversationHistory;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.http.KeyTable;
import io.harpou.bridge.vertx.models.UsageLedger;
import io.harpou.bridge.vertx.profiles.ProfileStore;
import io.harpou.bridge.vertx.rules.RuleTable;
import io.harpou.bridge.vertx.settings.SettingsTable;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.harpou.bridge.vertx.store.pg.PgStoreOptions;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A pool on the database, and the migrations that bring each component's tables up to date. */
public final class PgStoreImpl implements PgStore {

  private static final Logger LOG = LoggerFactory.getLogger(PgStoreImpl.class);
  /** Serialises migrations across hubs starting together (a transaction-scoped advisory lock). */
  private static final long MIGRATION_LOCK = 0x4861_7270_6f75L;

  /** How often what a hub holds in memory of the shared tables is read again. */
  private static final long REFRESH_MS = 1_000;

  private final Vertx vertx;
  private final Pool pool;
  private final String description;
  private final String nodeId;
  private final long taskLeaseMs;
  private final List<Long> refreshers = new CopyOnWriteArrayList<>();

  private PgStoreImpl(Vertx vertx, Pool pool, PgStoreOptions options) {
    this.vertx = vertx;
    this.pool = pool;
    // The options are the caller's to change: what this store needs of them is copied now.
    this.description = options.describe();
    this.nodeId = options.hasNodeId() ? options.getNodeId() : PgStoreOptions.randomNodeId();
    this.taskLeaseMs = options.getTaskLeaseMs();
  }

  /** See {@link PgStore#open}. */
  public static Future<PgStore> open(Vertx vertx, PgStoreOptions options) {
    PgConnectOptions connect;
    try {
      connect = PgConnectOptions.fromUri(options.getUrl());
    } catch (RuntimeException e) {
      return Future.failedFuture(new BridgeException("bad database URL " + options.describe() + ": "
          + e.getMessage()));
    }
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(options.getMaxPoolSize()))
        .connectingTo(connect).using(vertx).build();
    PgStoreImpl store = new PgStoreImpl(vertx, pool, options);
    return pool.query("SELECT 1").execute().<PgStore>map(store).recover(e -> {
      pool.close();
      return Future.failedFuture(new BridgeException("cannot open database " + options.describe() + ": "
          + e.getMessage(), e));
    }).onSuccess(s -> LOG.info("Database open at {}", options.describe()));
  }

  @Override
  public Future<AuditLog> auditLog() {
    return migrate("audit", Migrations.AUDIT).map(v -> new PgAuditLog(pool));
  }

  @Override
  public Future<ConversationHistory> history(int limit) {
    return migrate("conversations", Migrations.CONVERSATIONS).map(v -> new PgConversationHistory(pool, limit));
  }

  @Override
  public Future<DurableTaskService.TaskTable> tasks() {
    return migrate("tasks", Migrations.TASKS).map(v -> new PgTaskTable(pool, nodeId, taskLeaseMs));
  }

  @Override
  public Future<ProfileStore> profiles() {
    return migrate("profiles", Migrations.PROFILES).compose(v -> {
      PgProfileStore store = new PgProfileStore(pool);
      refreshEachSecond(store::reload);
      return store.reload().map(store);
    });
  }

  @Override
  public Future<UsageLedger> usageLedger() {
    return migrate("model_usage", Migrations.MODEL_USAGE).map(v -> new PgUsageLedger(pool));
  }

  @Override
  public Future<RuleTable> rules() {
    return migrate("notification_rules", Migrations.NOTIFICATION_RULES).map(v -> new PgRuleTable(pool));
  }

  @Override
  public Future<SettingsTable> settings() {
    return migrate("settings", Migrations.SETTINGS).map(v -> new PgSettingsTable(pool));
  }

  @Override
  public Future<KeyTable> keys() {
    return migrate("http", Migrations.HTTP).map(v -> new PgKeyTable(pool));
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Future<Void> close() {
    refreshers.forEach(vertx::cancelTimer);
    return pool.close();
  }

  @Override
  public Pool pool() {
    return pool;
  }

  /** Reads a table held in memory again each second, as other hubs change it; until {@link #close()}. */
  private void refreshEachSecond(Supplier<Future<Void>> reload) {
    refreshers.add(vertx.setPeriodic(REFRESH_MS, t -> reload.get()
        .onFailure(e -> LOG.warn("Reading shared state again failed: {}", e.getMessage()))));
  }

  /**
   * Brings a component's tables up to date: {@code migrations} is its whole history, oldest first; those not yet
   * recorded in {@code schema_versions} run in one transaction, under a lock so two hubs never run them together.
   */
  @Override
  public Future<Integer> migrate(String component, List<String> migrations) {
    // The notice that the table exists (every start but the first) is no news.
    return Sql.mapped(pool.withTransaction(c -> c.query("SET LOCAL client_min_messages = warning").execute()
        .compose(r -> c.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(MIGRATION_LOCK)))
        .compose(r -> c.query("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY,"
            + " version INTEGER NOT NULL)").execute())
        .compose(r -> c.preparedQuery("SELECT version FROM schema_versions WHERE component = $1")
            .execute(Tuple.of(component)))
        .compose(rows -> {
          int current = rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
          return apply(c, component, migrations, current).map(current);
        })).map(from -> {
          if (from < migrations.size()) {
            LOG.info("Migrated {} from version {} to {}", component, from, migrations.size());
          }
          return migrations.size();
        }));
  }

  private static Future<Void> apply(SqlConnection c, String component, List<String> migrations, int from) {
    Future<Void> done = Future.succeededFuture();
    for (int i = from; i < migrations.size(); i++) {
      String sql = migrations.get(i);
      int version = i + 1;
      done = done.compose(v -> c.query(sql).execute())
          .recover(e -> Future.failedFuture(new BridgeException("migration " + version + " of " + component
              + " failed: " + e.getMessage(), e)))
          .compose(r -> c.preparedQuery("INSERT INTO schema_versions(component, version) VALUES($1, $2)"
              + " ON CONFLICT(component) DO UPDATE SET version = excluded.version").execute(Tuple.of(component,
              version)))
          .mapEmpty();
    }
    return done;
  }
}
