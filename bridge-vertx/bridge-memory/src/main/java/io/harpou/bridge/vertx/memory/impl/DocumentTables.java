package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.vertx.memory.MemoryStorage.Chunk;
import io.harpou.bridge.vertx.memory.MemoryStorage.IndexedFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Statements over the indexed documents and their chunks; every method runs on the database thread. */
final class DocumentTables {

  private DocumentTables() {
  }

  static Map<String, String> hashes(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT file, hash FROM documents");
         ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        out.put(rows.getString(1), rows.getString(2));
      }
    }
    return out;
  }

  /** Removes a file and its chunks; returns the ids of the chunks removed. */
  static List<String> remove(Connection c, String file) throws SQLException {
    List<String> ids;
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM document_chunks WHERE file = ?")) {
      s.setString(1, file);
      ids = MemoryTables.ids(s);
    }
    for (String id : ids) {
      for (String table : List.of("document_chunks_fts", "memory_vectors")) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
          s.setString(1, id);
          s.executeUpdate();
        }
      }
    }
    for (String table : List.of("document_chunks", "documents")) {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE file = ?")) {
        s.setString(1, file);
        s.executeUpdate();
      }
    }
    return ids;
  }

  static void add(Connection c, String file, String hash, int pages, List<Chunk> chunks, List<float[]> vectors,
                  String model) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO documents(file, hash, pages, chunks, indexed_at) "
        + "VALUES(?, ?, ?, ?, ?)")) {
      s.setString(1, file);
      s.setString(2, hash);
      s.setInt(3, pages);
      s.setInt(4, chunks.size());
      s.setLong(5, System.currentTimeMillis());
      s.executeUpdate();
    }
    try (PreparedStatement chunk = c.prepareStatement("INSERT INTO document_chunks(id, file, page, ordinal, text) "
        + "VALUES(?, ?, ?, ?, ?)");
         PreparedStatement fts = c.prepareStatement("INSERT INTO document_chunks_fts(id, text) VALUES(?, ?)")) {
      for (int i = 0; i < chunks.size(); i++) {
        Chunk ch = chunks.get(i);
        chunk.setString(1, ch.id());
        chunk.setString(2, ch.file());
        chunk.setInt(3, ch.page());
        chunk.setInt(4, ch.ordinal());
        chunk.setString(5, ch.text());
        chunk.executeUpdate();
        fts.setString(1, ch.id());
        fts.setString(2, ch.text());
        fts.executeUpdate();
        MemoryTables.putVector(c, ch.id(), MemoryTables.CHUNK, model, vectors.get(i));
      }
    }
  }

  static List<String> search(Connection c, String match, int limit) throws SQLException {
    if (match == null) {
      return List.of();
    }
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM document_chunks_fts WHERE document_chunks_fts "
        + "MATCH ? ORDER BY bm25(document_chunks_fts) LIMIT ?")) {
      s.setString(1, match);
      s.setInt(2, limit);
      return MemoryTables.ids(s);
    }
  }

  static Map<String, Chunk> chunks(Connection c, Collection<String> ids) throws SQLException {
    Map<String, Chunk> out = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, file, page, ordinal, text FROM document_chunks "
        + "WHERE id = ?")) {
      for (String id : ids) {
        s.setString(1, id);
        try (ResultSet rows = s.executeQuery()) {
          if (rows.next()) {
            out.put(id, new Chunk(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4),
                rows.getString(5)));
          }
        }
      }
    }
    return out;
  }

  static List<IndexedFile> files(Connection c) throws SQLException {
    List<IndexedFile> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT file, pages, chunks, indexed_at FROM documents "
        + "ORDER BY file"); ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        out.add(new IndexedFile(rows.getString(1), rows.getInt(2), rows.getInt(3),
            Instant.ofEpochMilli(rows.getLong(4))));
      }
    }
    return out;
  }
}
