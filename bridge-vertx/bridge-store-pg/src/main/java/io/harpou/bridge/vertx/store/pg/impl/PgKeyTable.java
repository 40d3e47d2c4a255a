package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.vertx.http.ApiKey;
import io.harpou.bridge.vertx.http.KeyTable;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API keys' table in PostgreSQL: a key made on one hub opens every hub once they reload. */
final class PgKeyTable implements KeyTable {

  private final Pool pool;

  PgKeyTable(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Boolean> insert(String name, byte[] hash, Instant createdAt) {
    return Sql.mapped(pool.preparedQuery("INSERT INTO http_api_keys(name, hash, created_at) VALUES($1, $2, $3)"
        + " ON CONFLICT(name) DO NOTHING").execute(Tuple.of(name, Buffer.buffer(hash), createdAt.toString()))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<List<ApiKey>> list() {
    return Sql.mapped(pool.query("SELECT name, created_at FROM http_api_keys ORDER BY created_at").execute()
        .map(rows -> {
          List<ApiKey> keys = new ArrayList<>();
          for (Row r : rows) {
            keys.add(new ApiKey(r.getString(0), Instant.parse(r.getString(1))));
          }
          return keys;
        }));
  }

  @Override
  public Future<Boolean> delete(String name) {
    return Sql.mapped(pool.preparedQuery("DELETE FROM http_api_keys WHERE name = $1").execute(Tuple.of(name))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Map<String, byte[]>> hashes() {
    return Sql.mapped(pool.query("SELECT name, hash FROM http_api_keys").execute().map(rows -> {
      Map<String, byte[]> hashes = new LinkedHashMap<>();
      for (Row r : rows) {
        hashes.put(r.getString(0), r.getBuffer(1).getBytes());
      }
      return hashes;
    }));
  }
}
