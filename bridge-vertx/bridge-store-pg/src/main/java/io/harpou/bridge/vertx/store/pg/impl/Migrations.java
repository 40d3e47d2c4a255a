package io.harpou.bridge.vertx.store.pg.impl;

import java.util.List;

/**
 * The embedded database's migrations, translated for PostgreSQL: one entry per version, in the same order, so a
 * component's version means the same tables in both. SQLite's {@code INTEGER PRIMARY KEY AUTOINCREMENT} becomes
 * {@code BIGSERIAL}, its 0/1 integers booleans, {@code BLOB} {@code BYTEA}, and the tasks' implicit {@code rowid} (their order among tasks created
 * in the same millisecond) an explicit {@code seq}.
 */
final class Migrations {

  static final List<String> AUDIT = List.of("""
      CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL, conversation_id TEXT,
        channel TEXT NOT NULL, room TEXT, user_name TEXT, tool TEXT NOT NULL, arguments TEXT NOT NULL,
        risk TEXT NOT NULL, outcome TEXT NOT NULL, duration_ms BIGINT NOT NULL, detail TEXT);
      CREATE INDEX audit_log_time ON audit_log(time_ms);
      """);

  static final List<String> CONVERSATIONS = List.of("""
      CREATE TABLE conversation_messages (id BIGSERIAL PRIMARY KEY, conversation_id TEXT NOT NULL,
        role TEXT NOT NULL, content TEXT NOT NULL, created_ms BIGINT NOT NULL);
      CREATE INDEX conversation_messages_conv ON conversation_messages(conversation_id, id);
      """, """
      ALTER TABLE conversation_messages ADD COLUMN channel TEXT;
      ALTER TABLE conversation_messages ADD COLUMN room TEXT;
      """);

  static final List<String> TASKS = List.of("""
      CREATE TABLE tasks (id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL, origin TEXT NOT NULL,
        created_ms BIGINT NOT NULL, due_ms BIGINT, progress DOUBLE PRECISION NOT NULL DEFAULT 0, result TEXT,
        call TEXT, message TEXT, approved BOOLEAN NOT NULL DEFAULT FALSE, delivered BOOLEAN NOT NULL DEFAULT FALSE,
        seq BIGSERIAL NOT NULL);
      CREATE INDEX tasks_open ON tasks(status, delivered);
      """, """
      ALTER TABLE tasks ADD COLUMN owner TEXT;
      ALTER TABLE tasks ADD COLUMN lease_until_ms BIGINT;
      """);

  static final List<String> PROFILES = PgProfileStore.MIGRATIONS;

  static final List<String> MODEL_USAGE = List.of("""
      CREATE TABLE model_usage (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL, model TEXT NOT NULL,
        profile TEXT, conversation_id TEXT, turn_id TEXT, input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL, cost DOUBLE PRECISION NOT NULL, latency_ms BIGINT NOT NULL,
        outcome TEXT NOT NULL);
      CREATE INDEX model_usage_time ON model_usage(time_ms);
      """);

  /** SQLite's {@code strftime('%Y-%m-%dT%H:%M:%fZ', 'now')}: the same text, so rows sort alike. */
  static final List<String> NOTIFICATION_RULES = List.of("""
      CREATE TABLE notification_rules (id TEXT PRIMARY KEY, origin TEXT NOT NULL, rule TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (to_char(clock_timestamp() AT TIME ZONE 'UTC',
          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      """);

  static final List<String> SETTINGS = List.of("CREATE TABLE household_settings"
      + " (id INTEGER PRIMARY KEY CHECK (id = 1), settings TEXT NOT NULL, updated_at TEXT NOT NULL)");

  static final List<String> HTTP = List.of(
      "CREATE TABLE http_api_keys (name TEXT PRIMARY KEY, hash BYTEA NOT NULL, created_at TEXT NOT NULL)");

  private Migrations() {
  }
}
