package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.memory.Memory;
import io.harpou.bridge.api.memory.MemoryScope;
import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredText;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The memory component's tables and the statements over them; every method runs on the database thread. */
final class MemoryTables {

  /** The component's migration history, oldest first. */
  static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE memories (id TEXT PRIMARY KEY, text TEXT NOT NULL, scope TEXT NOT NULL, subject TEXT,
        conversation_id TEXT, source TEXT, origin TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER);
      CREATE INDEX memories_scope ON memories(scope, subject);
      CREATE INDEX memories_expiry ON memories(expires_at);
      CREATE VIRTUAL TABLE memories_fts USING fts5(id UNINDEXED, text,
        tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE TABLE memory_vectors (id TEXT PRIMARY KEY, kind TEXT NOT NULL, model TEXT NOT NULL,
        vector BLOB NOT NULL);
      CREATE TABLE documents (file TEXT PRIMARY KEY, hash TEXT NOT NULL, pages INTEGER NOT NULL,
        chunks INTEGER NOT NULL, indexed_at INTEGER NOT NULL);
      CREATE TABLE document_chunks (id TEXT PRIMARY KEY, file TEXT NOT NULL, page INTEGER NOT NULL,
        ordinal INTEGER NOT NULL, text TEXT NOT NULL);
      CREATE INDEX document_chunks_file ON document_chunks(file);
      CREATE VIRTUAL TABLE document_chunks_fts USING fts5(id UNINDEXED, text,
        tokenize = 'porter unicode61 remove_diacritics 2')
      """);

  static final String MEMORY = MemoryStorage.MEMORY;
  static final String CHUNK = MemoryStorage.CHUNK;
  private static final String COLUMNS = "id, text, scope, subject, conversation_id, source, created_at, expires_at";

  private MemoryTables() {
  }

  static void insert(Connection c, Memory m, String origin, float[] vector, String model) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO memories(" + COLUMNS + ", origin) "
        + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, m.id());
      s.setString(2, m.text());
      s.setString(3, m.scope().jsonName());
      s.setString(4, m.subject());
      s.setString(5, m.conversationId());
      s.setString(6, m.source());
      s.setLong(7, m.createdAt().toEpochMilli());
      if (m.expiresAt() == null) {
        s.setNull(8, java.sql.Types.INTEGER);
      } else {
        s.setLong(8, m.expiresAt().toEpochMilli());
      }
      s.setString(9, origin);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO memories_fts(id, text) VALUES(?, ?)")) {
      s.setString(1, m.id());
      s.setString(2, m.text());
      s.executeUpdate();
    }
    putVector(c, m.id(), MEMORY, model, vector);
  }

  static void putVector(Connection c, String id, String kind, String model, float[] vector) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO memory_vectors(id, kind, model, vector) "
        + "VALUES(?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, kind);
      s.setString(3, model);
      s.setBytes(4, Vectors.toBlob(vector));
      s.executeUpdate();
    }
  }

  /** Deletes memories with their text index and vectors; returns the ids that existed. */
  static List<String> delete(Connection c, Collection<String> ids) throws SQLException {
    List<String> deleted = new ArrayList<>();
    for (String id : ids) {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM memories WHERE id = ?")) {
        s.setString(1, id);
        if (s.executeUpdate() > 0) {
          deleted.add(id);
        }
      }
      for (String table : List.of("memories_fts", "memory_vectors")) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
          s.setString(1, id);
          s.executeUpdate();
        }
      }
    }
    return deleted;
  }

  /** Live memories, newest first, of one scope or all. */
  static List<Memory> list(Connection c, MemoryScope scope, int limit, Instant now) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM memories WHERE (expires_at IS NULL OR expires_at > ?)"
        + (scope == null ? "" : " AND scope = ?") + " ORDER BY created_at DESC, rowid DESC LIMIT ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, now.toEpochMilli());
      int next = 2;
      if (scope != null) {
        s.setString(next++, scope.jsonName());
      }
      s.setInt(next, limit);
      return read(s);
    }
  }

  /** Live memories by id, restricted to some scopes (all when empty) and a subject (any when null), in id order. */
  static Map<String, Memory> byIds(Connection c, Collection<String> ids, Set<MemoryScope> scopes, String subject,
                                   Instant now) throws SQLException {
    Map<String, Memory> found = new java.util.HashMap<>();
    List<String> wanted = List.copyOf(new java.util.LinkedHashSet<>(ids));
    for (int from = 0; from < wanted.size(); from += 200) {
      List<String> part = wanted.subList(from, Math.min(wanted.size(), from + 200));
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM memories WHERE id IN ("
          + "?,".repeat(part.size() - 1) + "?) AND (expires_at IS NULL OR expires_at > ?)")) {
        int next = 1;
        for (String id : part) {
          s.setString(next++, id);
        }
        s.setLong(next, now.toEpochMilli());
        for (Memory m : read(s)) {
          if ((scopes.isEmpty() || scopes.contains(m.scope())) && (subject == null || subject.equals(m.subject()))) {
            found.put(m.id(), m);
          }
        }
      }
    }
    Map<String, Memory> out = new LinkedHashMap<>();
    for (String id : wanted) {
      Memory m = found.get(id);
      if (m != null) {
        out.put(id, m);
      }
    }
    return out;
  }

  /**
   * Ids of live memories matching an FTS query, best BM25 first. The text index is asked for its best few first,
   * before anything is joined to the memories table: joining every match (often a thousand rows sharing one common
   * word) cost more than the scoring itself. Only when the filters leave too few of those is the whole match list
   * filtered instead.
   */
  static List<String> search(Connection c, String match, Set<MemoryScope> scopes, String subject, Instant now,
                             int limit) throws SQLException {
    if (match == null) {
      return List.of();
    }
    boolean filtered = !scopes.isEmpty() || subject != null;
    int candidates = filtered ? Math.max(200, limit * 8) : limit * 2 + 10;
    StringBuilder keep = new StringBuilder("m.id IS NOT NULL AND (m.expires_at IS NULL OR m.expires_at > ?)");
    if (!scopes.isEmpty()) {
      keep.append(" AND m.scope IN (").append("?,".repeat(scopes.size() - 1)).append("?)");
    }
    if (subject != null) {
      keep.append(" AND m.subject = ?");
    }
    String sql = "SELECT f.id, " + keep + " FROM (SELECT id, rank FROM memories_fts WHERE memories_fts MATCH ? "
        + "ORDER BY rank LIMIT ?) f LEFT JOIN memories m ON m.id = f.id ORDER BY f.rank";
    List<String> out = new ArrayList<>();
    int seen = 0;
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int next = bindFilters(s, 1, scopes, subject, now);
      s.setString(next++, match);
      s.setInt(next, candidates);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          seen++;
          if (rows.getBoolean(2) && out.size() < limit) {
            out.add(rows.getString(1));
          }
        }
      }
    }
    if (out.size() >= limit || seen < candidates) {
      return out;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT f.id FROM memories_fts f JOIN memories m ON m.id = f.id "
        + "WHERE memories_fts MATCH ? AND " + keep + " ORDER BY f.rank LIMIT ?")) {
      s.setString(1, match);
      int next = bindFilters(s, 2, scopes, subject, now);
      s.setInt(next, limit);
      return ids(s);
    }
  }

  private static int bindFilters(PreparedStatement s, int first, Set<MemoryScope> scopes, String subject,
                                 Instant now) throws SQLException {
    int next = first;
    s.setLong(next++, now.toEpochMilli());
    for (MemoryScope scope : scopes) {
      s.setString(next++, scope.jsonName());
    }
    if (subject != null) {
      s.setString(next++, subject);
    }
    return next;
  }

  /** Ids of memories of a scope (and subject when not null). */
  static List<String> idsInScope(Connection c, MemoryScope scope, String subject) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM memories WHERE scope = ?"
        + (subject == null ? "" : " AND subject = ?"))) {
      s.setString(1, scope.jsonName());
      if (subject != null) {
        s.setString(2, subject);
      }
      return ids(s);
    }
  }

  /** Ids of memories whose expiry has passed. */
  static List<String> expired(Connection c, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM memories WHERE expires_at IS NOT NULL "
        + "AND expires_at <= ?")) {
      s.setLong(1, now.toEpochMilli());
      return ids(s);
    }
  }

  /** Memories and chunks that have no vector from {@code model}. */
  static List<StoredText> stale(Connection c, String model) throws SQLException {
    List<StoredText> out = new ArrayList<>();
    String[][] sources = {{"memories", MEMORY}, {"document_chunks", CHUNK}};
    for (String[] source : sources) {
      try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.text FROM " + source[0] + " t "
          + "LEFT JOIN memory_vectors v ON v.id = t.id AND v.model = ? WHERE v.id IS NULL")) {
        s.setString(1, model);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            out.add(new StoredText(rows.getString(1), source[1], rows.getString(2)));
          }
        }
      }
    }
    return out;
  }

  /** Every vector from {@code model}. */
  static List<StoredVector> vectors(Connection c, String model) throws SQLException {
    List<StoredVector> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, kind, vector FROM memory_vectors WHERE model = ?")) {
      s.setString(1, model);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          out.add(new StoredVector(rows.getString(1), rows.getString(2), Vectors.fromBlob(rows.getBytes(3))));
        }
      }
    }
    return out;
  }

  static List<String> ids(PreparedStatement s) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }

  private static List<Memory> read(PreparedStatement s) throws SQLException {
    List<Memory> out = new ArrayList<>();
    try (ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        long expires = rows.getLong(8);
        Instant expiresAt = rows.wasNull() ? null : Instant.ofEpochMilli(expires);
        out.add(new Memory(rows.getString(1), rows.getString(2), MemoryScope.fromJson(rows.getString(3)),
            rows.getString(4), rows.getString(5), rows.getString(6), Instant.ofEpochMilli(rows.getLong(7)),
            expiresAt));
      }
    }
    return out;
  }
}
