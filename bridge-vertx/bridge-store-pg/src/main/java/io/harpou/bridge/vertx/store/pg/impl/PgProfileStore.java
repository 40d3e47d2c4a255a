package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.vertx.profiles.ProfileConflictException;
import io.harpou.bridge.vertx.profiles.ProfileNotFoundException;
import io.harpou.bridge.vertx.profiles.ProfileStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent profiles in PostgreSQL, one JSON row each, as in the embedded store. The in-memory copy the agent reads
 * is replaced after each change made here and read again each second ({@link #reload()}), so a profile made on another
 * hub answers here within that time. Changes take the table's lock, so two hubs never give one model id to two
 * profiles.
 */
final class PgProfileStore implements ProfileStore {

  static final List<String> MIGRATIONS = List.of("CREATE TABLE agent_profiles (id TEXT PRIMARY KEY,"
      + " body TEXT NOT NULL, updated_at TEXT NOT NULL)");
  /** Readers go on; a second writer waits for the first to commit. */
  private static final String LOCK = "LOCK TABLE agent_profiles IN SHARE ROW EXCLUSIVE MODE";

  private final Pool pool;
  private volatile List<AgentProfile> profiles = List.of();
  /** Counts changes, so a read that started before one never puts back what it replaced. */
  private volatile long changes;

  PgProfileStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public List<AgentProfile> all() {
    return profiles;
  }

  @Override
  public Future<AgentProfile> create(AgentProfile profile) {
    AgentProfile saved = profile.savedAt(now());
    return changed(pool.withTransaction(c -> checkModelId(c, saved)
        .compose(v -> c.preparedQuery("INSERT INTO agent_profiles(id, body, updated_at) VALUES($1, $2, $3)"
            + " ON CONFLICT(id) DO NOTHING").execute(Tuple.of(saved.id(), saved.toJson().encode(),
            saved.updatedAt().toString())))
        .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture(saved)
            : Future.failedFuture(new ProfileConflictException("a profile with id '" + saved.id() + "' exists")))));
  }

  @Override
  public Future<AgentProfile> update(AgentProfile profile, Instant expected) {
    AgentProfile saved = profile.savedAt(now());
    return changed(pool.withTransaction(c -> checkModelId(c, saved)
        .compose(v -> c.preparedQuery("UPDATE agent_profiles SET body = $1, updated_at = $2 WHERE id = $3"
            + " AND updated_at = $4").execute(Tuple.of(saved.toJson().encode(), saved.updatedAt().toString(),
            saved.id(), expected == null ? "" : expected.toString())))
        .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture(saved) : stored(c).compose(all -> {
          if (all.stream().noneMatch(p -> p.id().equals(saved.id()))) {
            return Future.failedFuture(new ProfileNotFoundException(saved.id()));
          }
          return Future.failedFuture(new ProfileConflictException("profile '" + saved.id() + "' changed since "
              + expected + "; read it again and send its current updated_at"));
        }))));
  }

  @Override
  public Future<Boolean> delete(String id) {
    return changed(pool.preparedQuery("DELETE FROM agent_profiles WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.rowCount() > 0));
  }

  /** Reads the profiles again, as another hub may have changed them. */
  Future<Void> reload() {
    long before = changes;
    return Sql.mapped(pool.withConnection(PgProfileStore::stored)).map(loaded -> {
      if (changes == before) {
        profiles = List.copyOf(loaded);
      }
      return null;
    });
  }

  /** {@code change} (its conflicts are {@link io.harpou.bridge.api.BridgeException}s already), then a new read. */
  private <T> Future<T> changed(Future<T> change) {
    return Sql.mapped(change).compose(result -> {
      changes++;
      return reload().map(result);
    });
  }

  private static Future<Void> checkModelId(SqlConnection c, AgentProfile profile) {
    return c.query(LOCK).execute().compose(r -> stored(c)).compose(all -> {
      for (AgentProfile other : all) {
        if (!other.id().equals(profile.id()) && other.modelId().equals(profile.modelId())) {
          return Future.failedFuture(new ProfileConflictException("profile '" + other.id()
              + "' already answers to the model id '" + profile.modelId() + "'"));
        }
      }
      return Future.succeededFuture();
    });
  }

  private static Future<List<AgentProfile>> stored(SqlConnection c) {
    return c.query("SELECT body FROM agent_profiles ORDER BY id").execute().map(rows -> {
      List<AgentProfile> loaded = new ArrayList<>();
      for (Row row : rows) {
        loaded.add(AgentProfile.fromJson(new JsonObject(row.getString(0))));
      }
      return loaded;
    });
  }

  /** Milliseconds are enough to tell versions apart and survive every JSON client's date handling. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
