package io.harpou.bridge.vertx.memory.pg;

import io.harpou.bridge.vertx.memory.MemoryStorage.Chunk;
import io.harpou.bridge.vertx.memory.MemoryStorage.IndexedFile;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The indexed documents and their chunks in PostgreSQL. */
final class PgDocuments {

  private final Pool pool;

  PgDocuments(Pool pool) {
    this.pool = pool;
  }

  Future<Map<String, String>> hashes() {
    return pool.query("SELECT file, hash FROM documents").execute().map(rows -> {
      Map<String, String> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString(0), r.getString(1)));
      return out;
    });
  }

  /** Removes a file, its chunks and their vectors; returns the ids of the chunks removed. */
  static Future<List<String>> remove(SqlClient c, String file) {
    return c.preparedQuery("DELETE FROM document_chunks WHERE file = $1 RETURNING id").execute(Tuple.of(file))
        .map(PgMemoryStorage::ids)
        .compose(ids -> c.preparedQuery("DELETE FROM memory_vectors WHERE id = ANY($1)")
            .execute(Tuple.of(ids.toArray(String[]::new)))
            .compose(v -> c.preparedQuery("DELETE FROM documents WHERE file = $1").execute(Tuple.of(file)))
            .map(ids));
  }

  /** Adds a file and its chunks, with their words indexed. */
  static Future<Void> add(SqlClient c, String file, String hash, int pages, List<Chunk> chunks) {
    Future<?> document = c.preparedQuery("INSERT INTO documents(file, hash, pages, chunks, indexed_at)"
        + " VALUES($1, $2, $3, $4, $5)").execute(Tuple.of(file, hash, pages, chunks.size(),
        System.currentTimeMillis()));
    if (chunks.isEmpty()) {
      return document.mapEmpty();
    }
    List<Tuple> rows = chunks.stream().map(ch -> Tuple.of(ch.id(), ch.file(), ch.page(), ch.ordinal(), ch.text(),
        Words.folded(ch.text()))).toList();
    return document.compose(v -> c.preparedQuery("INSERT INTO document_chunks(id, file, page, ordinal, text, words)"
        + " VALUES($1, $2, $3, $4, $5, to_tsvector('" + Words.CONFIGURATION + "', $6))").executeBatch(rows))
        .mapEmpty();
  }

  /** Ids of chunks sharing the words of {@code terms} that {@link Words#plan} keeps, best first. */
  Future<List<String>> search(List<String> terms, int limit) {
    if (terms.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return Words.plan(pool, "document_chunks", terms, true).compose(plan -> {
      Tuple args = plan.arguments().addInteger(limit);
      return pool.preparedQuery(plan.select("document_chunks", "d") + " GROUP BY d.id ORDER BY "
          + Words.score("d", 100) + " DESC, d.id LIMIT $" + args.size()).execute(args).map(PgMemoryStorage::ids);
    });
  }

  Future<Map<String, Chunk>> chunks(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery("SELECT id, file, page, ordinal, text FROM document_chunks WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
          Map<String, Chunk> found = new HashMap<>();
          for (Row r : rows) {
            found.put(r.getString(0), new Chunk(r.getString(0), r.getString(1), r.getInteger(2), r.getInteger(3),
                r.getString(4)));
          }
          Map<String, Chunk> out = new LinkedHashMap<>();
          ids.stream().filter(found::containsKey).forEach(id -> out.put(id, found.get(id)));
          return out;
        });
  }

  Future<List<IndexedFile>> files() {
    return pool.query("SELECT file, pages, chunks, indexed_at FROM documents ORDER BY file").execute().map(rows -> {
      List<IndexedFile> out = new ArrayList<>();
      rows.forEach(r -> out.add(new IndexedFile(r.getString(0), r.getInteger(1), r.getInteger(2),
          Instant.ofEpochMilli(r.getLong(3)))));
      return out;
    });
  }
}
