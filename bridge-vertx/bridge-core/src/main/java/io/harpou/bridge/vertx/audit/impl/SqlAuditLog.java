package io.harpou.bridge.vertx.audit.impl;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log as one SQLite table, indexed by time. */
public final class SqlAuditLog implements AuditLog {

  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, conversation_id TEXT,
        channel TEXT NOT NULL, room TEXT, user_name TEXT, tool TEXT NOT NULL, arguments TEXT NOT NULL,
        risk TEXT NOT NULL, outcome TEXT NOT NULL, duration_ms INTEGER NOT NULL, detail TEXT);
      CREATE INDEX audit_log_time ON audit_log(time_ms);
      """);

  private final Database database;

  private SqlAuditLog(Database database) {
    this.database = database;
  }

  /** Migrates the table and returns the log. */
  public static Future<AuditLog> open(Database database) {
    return database.migrate("audit", MIGRATIONS).map(v -> new SqlAuditLog(database));
  }

  @Override
  public Future<Void> record(AuditEntry e) {
    return database.write(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log(time_ms, conversation_id, channel,"
          + " room, user_name, tool, arguments, risk, outcome, duration_ms, detail) VALUES(?,?,?,?,?,?,?,?,?,?,?)")) {
        insert.setLong(1, e.time().toEpochMilli());
        insert.setString(2, e.conversationId());
        insert.setString(3, e.channel());
        insert.setString(4, e.room());
        insert.setString(5, e.user());
        insert.setString(6, e.tool());
        insert.setString(7, e.arguments().encode());
        insert.setString(8, e.risk());
        insert.setString(9, e.outcome());
        insert.setLong(10, e.durationMillis());
        insert.setString(11, e.detail());
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<List<AuditEntry>> query(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT time_ms, conversation_id, channel, room, user_name, tool,"
        + " arguments, risk, outcome, duration_ms, detail FROM audit_log WHERE 1=1");
    List<Object> params = new ArrayList<>();
    if (q.from() != null) {
      sql.append(" AND time_ms >= ?");
      params.add(q.from().toEpochMilli());
    }
    if (q.to() != null) {
      sql.append(" AND time_ms < ?");
      params.add(q.to().toEpochMilli());
    }
    if (q.tool() != null) {
      sql.append(" AND tool = ?");
      params.add(q.tool());
    }
    if (q.room() != null) {
      sql.append(" AND room = ?");
      params.add(q.room());
    }
    sql.append(" ORDER BY time_ms DESC, id DESC LIMIT ?");
    params.add(q.limit());
    return database.run(c -> {
      List<AuditEntry> rows = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < params.size(); i++) {
          select.setObject(i + 1, params.get(i));
        }
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            rows.add(new AuditEntry(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3),
                r.getString(4), r.getString(5), r.getString(6), new JsonObject(r.getString(7)), r.getString(8),
                r.getString(9), r.getLong(10), r.getString(11)));
          }
        }
      }
      return rows;
    });
  }
}
