package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.event.PlanUpdated;
import io.harpou.bridge.api.plan.Plan;
import io.harpou.bridge.api.plan.Plans;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code plans} table: each plan as last published, with who asked. A plan still under way when the hub stopped
 * is marked {@code interrupted} when the table is next opened (its running step too, its pending steps
 * {@code skipped}), since nothing runs it any more; only the newest {@value #KEPT} plans are kept.
 */
final class PlanStore implements Plans {

  /** The most plans kept; older ones are dropped when the table is opened. */
  static final int KEPT = 1_000;
  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE plans (id TEXT PRIMARY KEY, turn_id TEXT NOT NULL, conversation_id TEXT, user_name TEXT,
        request TEXT NOT NULL, status TEXT NOT NULL, steps TEXT NOT NULL, created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL);
      CREATE INDEX plans_created ON plans(created_ms);
      """);
  private static final String COLUMNS = "id, turn_id, conversation_id, user_name, request, status, steps, created_ms,"
      + " updated_ms";
  private static final String FINISHED = "('done', 'stopped', 'interrupted')";

  private final Database database;

  private PlanStore(Database database) {
    this.database = database;
  }

  /** Migrates the table, marks the plans the last run left under way as interrupted and drops the oldest. */
  static Future<PlanStore> open(Database database) {
    return database.migrate("plans", MIGRATIONS)
        .compose(v -> database.transaction(c -> {
          interruptUnfinished(c);
          try (PreparedStatement prune = c.prepareStatement("DELETE FROM plans WHERE id NOT IN (SELECT id FROM plans"
              + " ORDER BY created_ms DESC LIMIT " + KEPT + ")")) {
            prune.executeUpdate();
          }
          return null;
        }))
        .map(v -> new PlanStore(database));
  }

  /** Records a plan as it now stands; {@code user} is who asked for it. */
  Future<Void> save(PlanUpdated plan, String user) {
    return database.write(c -> {
      try (PreparedStatement upsert = c.prepareStatement("INSERT INTO plans(" + COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT(id) DO UPDATE SET status = excluded.status, steps = excluded.steps,"
          + " updated_ms = excluded.updated_ms")) {
        long now = plan.time().toEpochMilli();
        upsert.setString(1, plan.planId());
        upsert.setString(2, plan.turnId());
        upsert.setString(3, plan.conversationId());
        upsert.setString(4, user);
        upsert.setString(5, plan.request());
        upsert.setString(6, plan.status());
        upsert.setString(7, Json.array(plan.steps(), PlanUpdated.Step::toJson).encode());
        upsert.setLong(8, now);
        upsert.setLong(9, now);
        upsert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<List<Plan>> list(String user, int limit) {
    return database.run(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM plans"
          + (user == null ? "" : " WHERE user_name = ?") + " ORDER BY created_ms DESC, id LIMIT ?")) {
        int index = 1;
        if (user != null) {
          select.setString(index++, user);
        }
        select.setInt(index, limit);
        return read(select);
      }
    });
  }

  @Override
  public Future<Optional<Plan>> get(String id) {
    return database.run(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM plans WHERE id = ?")) {
        select.setString(1, id);
        return read(select).stream().findFirst();
      }
    });
  }

  private static void interruptUnfinished(Connection c) throws SQLException {
    List<Plan> unfinished;
    try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM plans WHERE status NOT IN "
        + FINISHED)) {
      unfinished = read(select);
    }
    try (PreparedStatement update = c.prepareStatement("UPDATE plans SET status = 'interrupted', steps = ?,"
        + " updated_ms = ? WHERE id = ?")) {
      for (Plan plan : unfinished) {
        List<PlanUpdated.Step> steps = plan.steps().stream().map(step -> switch (step.status()) {
          case "running" -> new PlanUpdated.Step(step.text(), "interrupted", step.result());
          case "pending" -> new PlanUpdated.Step(step.text(), "skipped", step.result());
          default -> step;
        }).toList();
        update.setString(1, Json.array(steps, PlanUpdated.Step::toJson).encode());
        update.setLong(2, System.currentTimeMillis());
        update.setString(3, plan.id());
        update.executeUpdate();
      }
    }
  }

  private static List<Plan> read(PreparedStatement select) throws SQLException {
    List<Plan> plans = new ArrayList<>();
    try (ResultSet r = select.executeQuery()) {
      while (r.next()) {
        JsonArray steps = new JsonArray(r.getString(7));
        plans.add(new Plan(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
            r.getString(6), steps.stream().map(s -> PlanUpdated.Step.fromJson((JsonObject) s)).toList(),
            Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9))));
      }
    }
    return plans;
  }
}
