package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.harpou.bridge.vertx.task.TaskRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tasks} table in PostgreSQL, shared by every hub on the database. A due task is claimed by moving it from
 * queued to running in one statement whose row is picked {@code FOR UPDATE SKIP LOCKED}: a hub that finds the row
 * locked by another's claim skips it at once instead of waiting, and a claim that commits is the only one. A running
 * task carries its hub's name and a lease that hub renews while it runs, both on the database's clock, so that a hub
 * starting or sweeping tells a task another live hub runs from one whose hub stopped.
 */
final class PgTaskTable implements DurableTaskService.TaskTable {

  private static final String COLUMNS = "id, title, status, origin, created_ms, due_ms, progress, result, call,"
      + " message, approved, delivered";
  // The outer condition repeats status = 'queued': a row another hub claimed and committed between this statement's
  // snapshot and its lock is then left alone instead of being claimed twice.
  private static final String CLAIM = "UPDATE tasks SET status = 'running', progress = 0, result = NULL, owner = $1,"
      + " lease_until_ms = " + Sql.NOW_MS + " + $2";

  private final Pool pool;
  private final String owner;
  private final long leaseMs;

  PgTaskTable(Pool pool, String owner, long leaseMs) {
    this.pool = pool;
    this.owner = owner;
    this.leaseMs = leaseMs;
  }

  @Override
  public long leaseMs() {
    return leaseMs;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public Future<Void> insert(TaskRow row) {
    TaskInfo t = row.info();
    Tuple values = Tuple.from(new Object[] {t.id(), t.title(), t.status().jsonName(), t.origin().toJson().encode(),
        t.createdAt().toEpochMilli(), t.dueAt() == null ? null : t.dueAt().toEpochMilli(), t.progress(), t.result(),
        row.call() == null ? null : row.call().toJson().encode(), row.message(), row.approved(), row.delivered(),
        owner, leaseMs});
    return Sql.mapped(pool.preparedQuery("INSERT INTO tasks(" + COLUMNS + ", owner, lease_until_ms)"
        + " VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13," + Sql.NOW_MS + " + $14)").execute(values).mapEmpty());
  }

  @Override
  public Future<Boolean> update(TaskInfo t, boolean onlyIfOpen) {
    return changed(pool.preparedQuery("UPDATE tasks SET status = $1, progress = $2, result = $3 WHERE id = $4"
        + (onlyIfOpen ? " AND status IN ('queued', 'running')" : ""))
        .execute(Tuple.of(t.status().jsonName(), t.progress(), t.result(), t.id())));
  }

  @Override
  public Future<Boolean> claim(String id) {
    return changed(pool.preparedQuery(CLAIM + " WHERE id = (SELECT id FROM tasks WHERE id = $3 AND status = 'queued'"
        + " FOR UPDATE SKIP LOCKED) AND status = 'queued'").execute(Tuple.of(owner, leaseMs, id)));
  }

  @Override
  public Future<List<TaskRow>> claimDue(Instant now, int limit) {
    return Sql.mapped(pool.preparedQuery(CLAIM + " WHERE id IN (SELECT id FROM tasks WHERE status = 'queued'"
        + " AND due_ms <= $3 ORDER BY due_ms LIMIT $4 FOR UPDATE SKIP LOCKED) AND status = 'queued' RETURNING "
        + COLUMNS)
        .execute(Tuple.of(owner, leaseMs, now.toEpochMilli(), limit)).map(PgTaskTable::read));
  }

  @Override
  public Future<Void> renewLeases() {
    return Sql.mapped(pool.preparedQuery("UPDATE tasks SET lease_until_ms = " + Sql.NOW_MS + " + $1"
        + " WHERE owner = $2 AND status = 'running'").execute(Tuple.of(leaseMs, owner)).mapEmpty());
  }

  @Override
  public Future<List<TaskRow>> abandoned(boolean restarting) {
    // A row from before owners were recorded has none: no live hub can be running it.
    String lapsed = "SELECT " + COLUMNS + " FROM tasks WHERE status = 'running' AND (owner IS NULL OR lease_until_ms < "
        + Sql.NOW_MS;
    return restarting ? select(lapsed + " OR owner = $1) ORDER BY created_ms, seq", Tuple.of(owner))
        : select(lapsed + ") ORDER BY created_ms, seq", Tuple.tuple());
  }

  @Override
  public Future<Boolean> progress(String id, double progress) {
    return changed(pool.preparedQuery("UPDATE tasks SET progress = $1 WHERE id = $2 AND status = 'running'")
        .execute(Tuple.of(progress, id)));
  }

  @Override
  public Future<Void> markDelivered(String id) {
    return Sql.mapped(pool.preparedQuery("UPDATE tasks SET delivered = TRUE WHERE id = $1").execute(Tuple.of(id))
        .mapEmpty());
  }

  @Override
  public Future<List<TaskRow>> all() {
    return select("SELECT " + COLUMNS + " FROM tasks ORDER BY created_ms DESC, seq DESC", Tuple.tuple());
  }

  @Override
  public Future<List<TaskRow>> unfinished() {
    // A result another live hub has just finished is that hub's to deliver, or the person would hear it twice.
    return select("SELECT " + COLUMNS + " FROM tasks WHERE status IN ('queued', 'running') OR NOT delivered"
        + " AND (owner IS NULL OR owner = $1 OR lease_until_ms < " + Sql.NOW_MS + ") ORDER BY created_ms, seq",
        Tuple.of(owner));
  }

  @Override
  public Future<Optional<TaskRow>> get(String id) {
    return select("SELECT " + COLUMNS + " FROM tasks WHERE id = $1", Tuple.of(id))
        .map(rows -> rows.stream().findFirst());
  }

  private Future<List<TaskRow>> select(String sql, Tuple params) {
    return Sql.mapped(pool.preparedQuery(sql).execute(params).map(PgTaskTable::read));
  }

  private static Future<Boolean> changed(Future<RowSet<Row>> update) {
    return Sql.mapped(update.map(rows -> rows.rowCount() > 0));
  }

  private static List<TaskRow> read(RowSet<Row> rows) {
    List<TaskRow> tasks = new ArrayList<>();
    for (Row r : rows) {
      Long due = r.getLong(5);
      TaskInfo info = new TaskInfo(r.getString(0), r.getString(1), TaskStatus.fromJson(r.getString(2)),
          TaskRow.origin(new JsonObject(r.getString(3))), Instant.ofEpochMilli(r.getLong(4)),
          due == null ? null : Instant.ofEpochMilli(due), r.getDouble(6), r.getString(7));
      String call = r.getString(8);
      tasks.add(new TaskRow(info, call == null ? null : ToolCall.fromJson(new JsonObject(call)), r.getString(9),
          r.getBoolean(10), r.getBoolean(11)));
    }
    return tasks;
  }
}
