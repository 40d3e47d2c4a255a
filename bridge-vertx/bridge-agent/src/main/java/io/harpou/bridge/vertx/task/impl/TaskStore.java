package io.harpou.bridge.vertx.task.impl;

import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.task.DurableTaskService;
import io.harpou.bridge.vertx.task.TaskRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code tasks} table in the embedded database. */
final class TaskStore implements DurableTaskService.TaskTable {

  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE tasks (id TEXT PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL, origin TEXT NOT NULL,
        created_ms INTEGER NOT NULL, due_ms INTEGER, progress REAL NOT NULL DEFAULT 0, result TEXT, call TEXT,
        message TEXT, approved INTEGER NOT NULL DEFAULT 0, delivered INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX tasks_open ON tasks(status, delivered);
      """,
      // The hub running a task and until when, as in the shared PostgreSQL table; one hub owns this file, so they
      // stay empty here.
      """
      ALTER TABLE tasks ADD COLUMN owner TEXT;
      ALTER TABLE tasks ADD COLUMN lease_until_ms INTEGER;
      """);
  private static final String COLUMNS = "id, title, status, origin, created_ms, due_ms, progress, result, call,"
      + " message, approved, delivered";

  private final Database database;

  private TaskStore(Database database) {
    this.database = database;
  }

  static Future<TaskStore> open(Database database) {
    return database.migrate("tasks", MIGRATIONS).map(v -> new TaskStore(database));
  }

  @Override
  public Future<Void> insert(TaskRow row) {
    return database.write(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO tasks(" + COLUMNS
          + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")) {
        TaskInfo t = row.info();
        insert.setString(1, t.id());
        insert.setString(2, t.title());
        insert.setString(3, t.status().jsonName());
        insert.setString(4, t.origin().toJson().encode());
        insert.setLong(5, t.createdAt().toEpochMilli());
        if (t.dueAt() == null) {
          insert.setNull(6, Types.INTEGER);
        } else {
          insert.setLong(6, t.dueAt().toEpochMilli());
        }
        insert.setDouble(7, t.progress());
        insert.setString(8, t.result());
        insert.setString(9, row.call() == null ? null : row.call().toJson().encode());
        insert.setString(10, row.message());
        insert.setInt(11, row.approved() ? 1 : 0);
        insert.setInt(12, row.delivered() ? 1 : 0);
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<Boolean> update(TaskInfo t, boolean onlyIfOpen) {
    return database.write(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE tasks SET status = ?, progress = ?, result = ?"
          + " WHERE id = ?" + (onlyIfOpen ? " AND status IN ('queued', 'running')" : ""))) {
        update.setString(1, t.status().jsonName());
        update.setDouble(2, t.progress());
        update.setString(3, t.result());
        update.setString(4, t.id());
        return update.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<Boolean> claim(String id) {
    return database.write(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE tasks SET status = 'running', progress = 0,"
          + " result = NULL WHERE id = ? AND status = 'queued'")) {
        update.setString(1, id);
        return update.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<List<TaskRow>> claimDue(Instant now, int limit) {
    return database.transaction(c -> {
      List<TaskRow> due = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM tasks WHERE status = 'queued'"
          + " AND due_ms <= ? ORDER BY due_ms LIMIT ?")) {
        select.setLong(1, now.toEpochMilli());
        select.setInt(2, limit);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            TaskRow row = read(r);
            due.add(row.withInfo(row.info().with(TaskStatus.RUNNING, 0, null)));
          }
        }
      }
      try (PreparedStatement update = c.prepareStatement("UPDATE tasks SET status = 'running', progress = 0,"
          + " result = NULL WHERE id = ?")) {
        for (TaskRow row : due) {
          update.setString(1, row.info().id());
          update.executeUpdate();
        }
      }
      return due;
    });
  }

  @Override
  public Future<Boolean> progress(String id, double progress) {
    return database.write(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE tasks SET progress = ? WHERE id = ?"
          + " AND status = 'running'")) {
        update.setDouble(1, progress);
        update.setString(2, id);
        return update.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Future<Void> markDelivered(String id) {
    return database.write(c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE tasks SET delivered = 1 WHERE id = ?")) {
        update.setString(1, id);
        update.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<List<TaskRow>> all() {
    return select("SELECT " + COLUMNS + " FROM tasks ORDER BY created_ms DESC, rowid DESC", null);
  }

  @Override
  public Future<List<TaskRow>> unfinished() {
    return select("SELECT " + COLUMNS + " FROM tasks WHERE status IN ('queued', 'running') OR delivered = 0"
        + " ORDER BY created_ms", null);
  }

  @Override
  public Future<Optional<TaskRow>> get(String id) {
    return select("SELECT " + COLUMNS + " FROM tasks WHERE id = ?", id)
        .map(rows -> rows.stream().findFirst());
  }

  private Future<List<TaskRow>> select(String sql, String param) {
    return database.run(c -> {
      List<TaskRow> rows = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement(sql)) {
        if (param != null) {
          select.setString(1, param);
        }
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            rows.add(read(r));
          }
        }
      }
      return rows;
    });
  }

  private static TaskRow read(ResultSet r) throws SQLException {
    long due = r.getLong(6);
    Instant dueAt = r.wasNull() ? null : Instant.ofEpochMilli(due);
    TaskInfo info = new TaskInfo(r.getString(1), r.getString(2), TaskStatus.fromJson(r.getString(3)),
        TaskRow.origin(new JsonObject(r.getString(4))), Instant.ofEpochMilli(r.getLong(5)), dueAt,
        r.getDouble(7), r.getString(8));
    String call = r.getString(9);
    return new TaskRow(info, call == null ? null : ToolCall.fromJson(new JsonObject(call)), r.getString(10),
        r.getInt(11) == 1, r.getInt(12) == 1);
  }
}
