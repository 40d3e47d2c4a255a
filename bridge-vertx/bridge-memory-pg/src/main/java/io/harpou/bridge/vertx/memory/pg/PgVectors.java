package io.harpou.bridge.vertx.memory.pg;

import io.harpou.bridge.vertx.memory.MemoryStorage.Changes;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.harpou.bridge.vertx.memory.impl.Vectors;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors' table, and what one hub has taken of it: vectors carry the id of the transaction that wrote them (and
 * a trigger records removals the same way), and a hub takes those of transactions older than the oldest one still
 * running ({@code pg_snapshot_xmin}), so a write that commits late, after a later one was taken, is never skipped.
 */
final class PgVectors {

  private static final String XMIN = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

  private final Pool pool;
  /** Every vector written by a transaction older than this has been taken. */
  private long watermark;

  PgVectors(Pool pool) {
    this.pool = pool;
  }

  /** Adds or replaces vectors, stamped with the writing transaction. */
  static Future<Void> put(SqlClient c, String model, List<StoredVector> vectors) {
    List<Tuple> rows = vectors.stream().map(v -> Tuple.of(v.id(), v.kind(), model,
        Buffer.buffer(Vectors.toBlob(v.vector())))).toList();
    return c.preparedQuery("INSERT INTO memory_vectors(id, kind, model, vector) VALUES($1, $2, $3, $4)"
        + " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, model = excluded.model, vector = excluded.vector,"
        + " txid = excluded.txid").executeBatch(rows).mapEmpty();
  }

  /** Every vector of {@code model}; later changes are taken from the moment before they were read. */
  Future<List<StoredVector>> all(String model) {
    return pool.query(XMIN).execute().compose(xmin -> {
      long from = xmin.iterator().next().getLong(0);
      return pool.preparedQuery("SELECT id, kind, vector FROM memory_vectors WHERE model = $1")
          .execute(Tuple.of(model)).map(rows -> {
            synchronized (this) {
              watermark = from;
            }
            return vectorsOf(rows);
          });
    });
  }

  /** The vectors written and removed since the last call (calls never overlap). */
  Future<Changes> changes(String model) {
    long from;
    synchronized (this) {
      from = watermark;
    }
    // Written vectors are read before removals: a vector written then removed is then removed last.
    return pool.query(XMIN).execute().compose(xmin -> {
      long to = xmin.iterator().next().getLong(0);
      Tuple range = Tuple.of(from, to);
      return pool.preparedQuery("SELECT id, kind, vector FROM memory_vectors WHERE txid >= $1 AND txid < $2"
              + " AND model = $3").execute(Tuple.of(from, to, model))
          .compose(written -> pool.preparedQuery("SELECT id FROM memory_vector_removals WHERE txid >= $1"
              + " AND txid < $2").execute(range).map(removed -> {
                synchronized (this) {
                  watermark = Math.max(watermark, to);
                }
                List<String> ids = new ArrayList<>();
                removed.forEach(r -> ids.add(r.getString(0)));
                return new Changes(vectorsOf(written), ids);
              }));
    });
  }

  private static List<StoredVector> vectorsOf(RowSet<Row> rows) {
    List<StoredVector> out = new ArrayList<>();
    rows.forEach(r -> out.add(new StoredVector(r.getString(0), r.getString(1),
        Vectors.fromBlob(r.getBuffer(2).getBytes()))));
    return out;
  }
}
