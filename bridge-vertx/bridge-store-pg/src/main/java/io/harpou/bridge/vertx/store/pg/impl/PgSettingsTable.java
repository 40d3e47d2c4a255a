package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.vertx.settings.SettingsTable;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/** The household's settings in PostgreSQL: one row, which every hub on the database reads again each second. */
final class PgSettingsTable implements SettingsTable {

  private final Pool pool;

  PgSettingsTable(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<String> load() {
    return Sql.mapped(pool.query("SELECT settings FROM household_settings WHERE id = 1").execute()
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0)));
  }

  @Override
  public Future<Void> save(String json, Instant at) {
    return Sql.mapped(pool.preparedQuery("INSERT INTO household_settings(id, settings, updated_at) VALUES(1, $1, $2)"
        + " ON CONFLICT(id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at")
        .execute(Tuple.of(json, at.toString())).mapEmpty());
  }

  @Override
  public boolean shared() {
    return true;
  }
}
