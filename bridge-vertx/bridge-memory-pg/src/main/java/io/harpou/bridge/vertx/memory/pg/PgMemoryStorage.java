package io.harpou.bridge.vertx.memory.pg;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.store.pg.PgStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The memory's rows in the PostgreSQL database hubs share. Every hub sees every memory and document at once through
 * the tables; vectors are searched in each hub's own index, which {@link #changes} keeps up to date (see
 * {@link PgVectors}).
 */
public final class PgMemoryStorage implements MemoryStorage {

  /** How long a removal is kept for hubs that have not yet looked; one that looks later rebuilds nothing wrong. */
  static final Duration REMOVALS_KEPT = Duration.ofDays(1);
  /** The first key of the advisory locks that serialise writes to one scope and subject across hubs. */
  private static final int WRITE_LOCK = 0x6d656d;
  private static final String COLUMNS = "id, text, scope, subject, conversation_id, source, created_at, expires_at";

  private final PgStore store;
  private final Pool pool;
  private final PgDocuments documents;
  private final PgVectors vectors;

  /** The memory's tables in {@code store}'s database. */
  public PgMemoryStorage(PgStore store) {
    this.store = store;
    this.pool = store.pool();
    this.documents = new PgDocuments(pool);
    this.vectors = new PgVectors(pool);
  }

  @Override
  public Future<Void> migrate() {
    return store.migrate("memory", Migrations.MEMORY).mapEmpty();
  }

  @Override
  public String describe() {
    return "PostgreSQL at " + store.describe();
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public Future<List<StoredText>> unembedded(String model) {
    List<StoredText> out = new ArrayList<>();
    String[][] sources = {{"memories", MEMORY}, {"document_chunks", CHUNK}};
    Future<Void> chain = Future.succeededFuture();
    for (String[] source : sources) {
      chain = chain.compose(v -> pool.preparedQuery("SELECT t.id, t.text FROM " + source[0] + " t LEFT JOIN"
          + " memory_vectors v ON v.id = t.id AND v.model = $1 WHERE v.id IS NULL").execute(Tuple.of(model))
          .map(rows -> {
            rows.forEach(r -> out.add(new StoredText(r.getString(0), source[1], r.getString(1))));
            return null;
          }));
    }
    return mapped(chain.map(v -> out));
  }

  @Override
  public Future<Void> putVectors(String model, List<StoredVector> vectors) {
    return vectors.isEmpty() ? Future.succeededFuture()
        : mapped(pool.withTransaction(c -> PgVectors.put(c, model, vectors)));
  }

  @Override
  public Future<List<StoredVector>> vectors(String model) {
    return mapped(vectors.all(model));
  }

  @Override
  public Future<Changes> changes(String model) {
    return mapped(vectors.changes(model));
  }

  @Override
  public Future<Decision> store(Memory fresh, String origin, String model, float[] vector, Lookup lookup,
                                Function<List<Memory>, Decision> decide) {
    Instant now = Instant.now();
    Set<MemoryScope> scope = Set.of(fresh.scope());
    String key = fresh.scope().jsonName() + "\n" + Objects.requireNonNullElse(fresh.subject(), "");
    return mapped(pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock($1, hashtext($2))")
        .execute(Tuple.of(WRITE_LOCK, key))
        .compose(locked -> search(c, lookup.words(), false, scope, fresh.subject(), now, 20))
        .compose(byWords -> search(c, lookup.subjectWords(), false, scope, fresh.subject(), now, 50)
            .compose(bySubject -> {
              Set<String> ids = new LinkedHashSet<>(lookup.nearIds());
              ids.addAll(byWords);
              ids.addAll(bySubject);
              return byIds(c, ids, scope, fresh.subject(), now);
            }))
        .compose(found -> {
          List<Memory> known = found.values().stream().filter(m -> Objects.equals(m.subject(), fresh.subject()))
              .toList();
          Decision decision = decide.apply(known);
          if (decision.duplicateOf() != null) {
            return Future.succeededFuture(decision);
          }
          return delete(c, decision.replaced().stream().map(Memory::id).toList())
              .compose(deleted -> insert(c, fresh, origin))
              .compose(v -> PgVectors.put(c, model, List.of(new StoredVector(fresh.id(), MEMORY, vector))))
              .map(decision);
        })));
  }

  private static Future<Void> insert(SqlConnection c, Memory m, String origin) {
    return c.preparedQuery("INSERT INTO memories(" + COLUMNS + ", origin, words) VALUES($1, $2, $3, $4, $5, $6,"
        + " $7, $8, $9, to_tsvector('" + Words.CONFIGURATION + "', $10))").execute(Tuple.of(m.id(), m.text(),
            m.scope().jsonName(), m.subject(), m.conversationId(), m.source(), m.createdAt().toEpochMilli(),
            m.expiresAt() == null ? null : m.expiresAt().toEpochMilli()).addString(origin)
        .addString(Words.folded(m.text()))).mapEmpty();
  }

  @Override
  public Future<List<String>> delete(Collection<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of()) : mapped(pool.withTransaction(c -> delete(c, ids)));
  }

  private static Future<List<String>> delete(SqlClient c, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String[] array = ids.toArray(String[]::new);
    return c.preparedQuery("DELETE FROM memories WHERE id = ANY($1) RETURNING id").execute(Tuple.of(array))
        .compose(rows -> c.preparedQuery("DELETE FROM memory_vectors WHERE id = ANY($1)").execute(Tuple.of(array))
            .map(v -> {
              List<String> deleted = new ArrayList<>();
              rows.forEach(r -> deleted.add(r.getString(0)));
              return deleted;
            }));
  }

  @Override
  public Future<List<Memory>> list(MemoryScope scope, int limit, Instant now) {
    Tuple args = Tuple.of(now.toEpochMilli());
    if (scope != null) {
      args.addString(scope.jsonName());
    }
    args.addInteger(limit);
    return mapped(pool.preparedQuery("SELECT " + COLUMNS + " FROM memories WHERE (expires_at IS NULL OR"
        + " expires_at > $1)" + (scope == null ? "" : " AND scope = $2") + " ORDER BY created_at DESC, seq DESC"
        + " LIMIT $" + args.size()).execute(args).map(PgMemoryStorage::memories));
  }

  @Override
  public Future<Map<String, Memory>> byIds(Collection<String> ids, Set<MemoryScope> scopes, String subject,
                                           Instant now) {
    return mapped(byIds(pool, ids, scopes, subject, now));
  }

  private static Future<Map<String, Memory>> byIds(SqlClient c, Collection<String> ids, Set<MemoryScope> scopes,
                                                   String subject, Instant now) {
    List<String> wanted = List.copyOf(new LinkedHashSet<>(ids));
    if (wanted.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return c.preparedQuery("SELECT " + COLUMNS + " FROM memories WHERE id = ANY($1) AND (expires_at IS NULL"
        + " OR expires_at > $2)").execute(Tuple.of(wanted.toArray(String[]::new), now.toEpochMilli())).map(rows -> {
          Map<String, Memory> found = new HashMap<>();
          for (Memory m : memories(rows)) {
            if ((scopes.isEmpty() || scopes.contains(m.scope())) && (subject == null || subject.equals(m.subject()))) {
              found.put(m.id(), m);
            }
          }
          Map<String, Memory> out = new LinkedHashMap<>();
          wanted.stream().filter(found::containsKey).forEach(id -> out.put(id, found.get(id)));
          return out;
        });
  }

  @Override
  public Future<List<String>> searchMemories(List<String> terms, Set<MemoryScope> scopes, String subject,
                                             Instant now, int limit) {
    return mapped(search(pool, terms, true, scopes, subject, now, limit));
  }

  /**
   * Ids of live memories sharing the words {@code terms} (those {@link Words#plan} keeps when {@code budgeted}, any of
   * them otherwise), best first (newest first among equals).
   */
  private static Future<List<String>> search(SqlClient c, List<String> terms, boolean budgeted,
                                             Set<MemoryScope> scopes, String subject, Instant now, int limit) {
    if (terms.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return Words.plan(c, "memories", terms, budgeted).compose(plan -> {
      Tuple args = plan.arguments().addLong(now.toEpochMilli());
      StringBuilder sql = new StringBuilder(plan.select("memories", "m"))
          .append(" AND (m.expires_at IS NULL OR m.expires_at > $").append(args.size()).append(")");
      if (!scopes.isEmpty()) {
        args.addValue(scopes.stream().map(MemoryScope::jsonName).toArray(String[]::new));
        sql.append(" AND m.scope = ANY($").append(args.size()).append(")");
      }
      if (subject != null) {
        args.addString(subject);
        sql.append(" AND m.subject = $").append(args.size());
      }
      args.addInteger(limit);
      sql.append(" GROUP BY m.id ORDER BY ").append(Words.score("m", 8)).append(" DESC, m.seq DESC LIMIT $")
          .append(args.size());
      return c.preparedQuery(sql.toString()).execute(args).map(PgMemoryStorage::ids);
    });
  }

  @Override
  public Future<List<String>> idsInScope(MemoryScope scope, String subject) {
    Tuple args = Tuple.of(scope.jsonName());
    if (subject != null) {
      args.addString(subject);
    }
    return mapped(pool.preparedQuery("SELECT id FROM memories WHERE scope = $1"
        + (subject == null ? "" : " AND subject = $2")).execute(args).map(PgMemoryStorage::ids));
  }

  /** Also drops removals every hub has had {@link #REMOVALS_KEPT} to see: the sweep runs on every hub. */
  @Override
  public Future<List<String>> expired(Instant now) {
    return mapped(pool.preparedQuery("DELETE FROM memory_vector_removals WHERE removed_ms < $1")
        .execute(Tuple.of(now.minus(REMOVALS_KEPT).toEpochMilli()))
        .compose(v -> pool.preparedQuery("SELECT id FROM memories WHERE expires_at IS NOT NULL AND expires_at <= $1")
            .execute(Tuple.of(now.toEpochMilli())))
        .map(PgMemoryStorage::ids));
  }

  @Override
  public Future<Map<String, String>> documentHashes() {
    return mapped(documents.hashes());
  }

  @Override
  public Future<List<String>> removeDocument(String file) {
    return mapped(pool.withTransaction(c -> PgDocuments.remove(c, file)));
  }

  @Override
  public Future<List<String>> replaceDocument(String file, String hash, int pages, List<Chunk> chunks,
                                              List<float[]> vectors, String model) {
    return mapped(pool.withTransaction(c -> PgDocuments.remove(c, file)
        .compose(old -> PgDocuments.add(c, file, hash, pages, chunks).compose(v -> {
          List<StoredVector> rows = new ArrayList<>();
          for (int i = 0; i < chunks.size(); i++) {
            rows.add(new StoredVector(chunks.get(i).id(), CHUNK, vectors.get(i)));
          }
          return rows.isEmpty() ? Future.succeededFuture() : PgVectors.put(c, model, rows);
        }).map(old))));
  }

  @Override
  public Future<List<String>> searchChunks(List<String> terms, int limit) {
    return mapped(documents.search(terms, limit));
  }

  @Override
  public Future<Map<String, Chunk>> chunks(Collection<String> ids) {
    return mapped(documents.chunks(ids));
  }

  @Override
  public Future<List<IndexedFile>> files() {
    return mapped(documents.files());
  }

  static List<String> ids(RowSet<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.getString(0)));
    return out;
  }

  private static List<Memory> memories(RowSet<Row> rows) {
    List<Memory> out = new ArrayList<>();
    for (Row r : rows) {
      Long expires = r.getLong(7);
      out.add(new Memory(r.getString(0), r.getString(1), MemoryScope.fromJson(r.getString(2)), r.getString(3),
          r.getString(4), r.getString(5), Instant.ofEpochMilli(r.getLong(6)),
          expires == null ? null : Instant.ofEpochMilli(expires)));
    }
    return out;
  }

  /** {@code work}, failing with a {@link BridgeException} as the embedded database does. */
  private static <T> Future<T> mapped(Future<T> work) {
    return work.recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("memory database error: " + e.getMessage(), e)));
  }
}
