package io.harpou.bridge.vertx.memory.pg;

import java.util.List;

/**
 * The embedded memory tables, translated for PostgreSQL: FTS5's tables become a {@code words} column of
 * {@code tsvector} with a GIN index, in a text search configuration that stems English as FTS5's porter tokenizer does
 * and, like it, drops no word (PostgreSQL's {@code english} drops "over", "off", "why" and the like, which questions
 * need); the implicit {@code rowid} (the order of memories created in the same
 * millisecond) an explicit {@code seq}; and vectors carry the id of the transaction that wrote them, with a table of
 * removals kept by a trigger, so that each hub can ask what the others changed since it last looked.
 */
final class Migrations {

  static final List<String> MEMORY = List.of("""
      CREATE TEXT SEARCH DICTIONARY harpou_english_stem (TEMPLATE = snowball, LANGUAGE = english);
      CREATE TEXT SEARCH CONFIGURATION harpou_english (COPY = english);
      ALTER TEXT SEARCH CONFIGURATION harpou_english ALTER MAPPING REPLACE english_stem WITH harpou_english_stem;
      CREATE TABLE memories (id TEXT PRIMARY KEY, text TEXT NOT NULL, scope TEXT NOT NULL, subject TEXT,
        conversation_id TEXT, source TEXT, origin TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT,
        words TSVECTOR NOT NULL, seq BIGSERIAL NOT NULL);
      CREATE INDEX memories_scope ON memories(scope, subject);
      CREATE INDEX memories_expiry ON memories(expires_at);
      CREATE INDEX memories_words ON memories USING GIN (words);
      CREATE TABLE memory_vectors (id TEXT PRIMARY KEY, kind TEXT NOT NULL, model TEXT NOT NULL,
        vector BYTEA NOT NULL, txid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint));
      CREATE INDEX memory_vectors_txid ON memory_vectors(txid);
      CREATE TABLE memory_vector_removals (id TEXT NOT NULL,
        txid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint), removed_ms BIGINT NOT NULL);
      CREATE INDEX memory_vector_removals_txid ON memory_vector_removals(txid);
      CREATE FUNCTION memory_vector_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO memory_vector_removals(id, removed_ms)
          VALUES (OLD.id, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
        RETURN OLD;
      END $$;
      CREATE TRIGGER memory_vectors_removed AFTER DELETE ON memory_vectors
        FOR EACH ROW EXECUTE FUNCTION memory_vector_removed();
      CREATE TABLE documents (file TEXT PRIMARY KEY, hash TEXT NOT NULL, pages INTEGER NOT NULL,
        chunks INTEGER NOT NULL, indexed_at BIGINT NOT NULL);
      CREATE TABLE document_chunks (id TEXT PRIMARY KEY, file TEXT NOT NULL, page INTEGER NOT NULL,
        ordinal INTEGER NOT NULL, text TEXT NOT NULL, words TSVECTOR NOT NULL);
      CREATE INDEX document_chunks_file ON document_chunks(file);
      CREATE INDEX document_chunks_words ON document_chunks USING GIN (words);
      """);

  private Migrations() {
  }
}
