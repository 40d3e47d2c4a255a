package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log as one PostgreSQL table, indexed by time. */
final class PgAuditLog implements AuditLog {

  private final Pool pool;

  PgAuditLog(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> record(AuditEntry e) {
    return Sql.mapped(pool.preparedQuery("INSERT INTO audit_log(time_ms, conversation_id, channel, room, user_name,"
        + " tool, arguments, risk, outcome, duration_ms, detail) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)")
        .execute(Tuple.from(new Object[] {e.time().toEpochMilli(), e.conversationId(), e.channel(), e.room(),
            e.user(), e.tool(), e.arguments().encode(), e.risk(), e.outcome(), e.durationMillis(), e.detail()}))
        .mapEmpty());
  }

  @Override
  public Future<List<AuditEntry>> query(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT time_ms, conversation_id, channel, room, user_name, tool,"
        + " arguments, risk, outcome, duration_ms, detail FROM audit_log WHERE TRUE");
    Tuple params = Tuple.tuple();
    if (q.from() != null) {
      params.addLong(q.from().toEpochMilli());
      sql.append(" AND time_ms >= $").append(params.size());
    }
    if (q.to() != null) {
      params.addLong(q.to().toEpochMilli());
      sql.append(" AND time_ms < $").append(params.size());
    }
    if (q.tool() != null) {
      params.addString(q.tool());
      sql.append(" AND tool = $").append(params.size());
    }
    if (q.room() != null) {
      params.addString(q.room());
      sql.append(" AND room = $").append(params.size());
    }
    params.addInteger(q.limit());
    sql.append(" ORDER BY time_ms DESC, id DESC LIMIT $").append(params.size());
    return Sql.mapped(pool.preparedQuery(sql.toString()).execute(params).map(rows -> {
      List<AuditEntry> entries = new ArrayList<>();
      for (Row r : rows) {
        entries.add(new AuditEntry(Instant.ofEpochMilli(r.getLong(0)), r.getString(1), r.getString(2),
            r.getString(3), r.getString(4), r.getString(5), new JsonObject(r.getString(6)), r.getString(7),
            r.getString(8), r.getLong(9), r.getString(10)));
      }
      return entries;
    }));
  }
}
