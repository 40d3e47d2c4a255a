package io.harpou.bridge.vertx.models.impl;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.models.UsageLedger;
import io.harpou.bridge.vertx.models.UsageRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ledger of model calls, one SQLite table indexed by time, and its sums. */
public final class SqlUsageLedger implements UsageLedger {

  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE model_usage (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL,
        model TEXT NOT NULL, profile TEXT, conversation_id TEXT, turn_id TEXT, input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL, cost REAL NOT NULL, latency_ms INTEGER NOT NULL, outcome TEXT NOT NULL);
      CREATE INDEX model_usage_time ON model_usage(time_ms);
      """);

  private final Database database;

  private SqlUsageLedger(Database database) {
    this.database = database;
  }

  /** Migrates the table and returns the ledger. */
  public static Future<SqlUsageLedger> open(Database database) {
    return database.migrate("model_usage", MIGRATIONS).map(v -> new SqlUsageLedger(database));
  }

  @Override
  public Future<Void> record(UsageRow row) {
    return database.write(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO model_usage(time_ms, model, profile,"
          + " conversation_id, turn_id, input_tokens, output_tokens, cost, latency_ms, outcome)"
          + " VALUES(?,?,?,?,?,?,?,?,?,?)")) {
        insert.setLong(1, row.time().toEpochMilli());
        insert.setString(2, row.model());
        insert.setString(3, row.profile());
        insert.setString(4, row.conversationId());
        insert.setString(5, row.turnId());
        insert.setInt(6, row.inputTokens());
        insert.setInt(7, row.outputTokens());
        insert.setDouble(8, row.cost());
        insert.setLong(9, row.latencyMillis());
        insert.setString(10, row.outcome());
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<Map<String, Double>> costSince(Instant from) {
    return database.run(c -> {
      Map<String, Double> costs = new HashMap<>();
      try (PreparedStatement select = c.prepareStatement(
          "SELECT model, SUM(cost) FROM model_usage WHERE time_ms >= ? GROUP BY model")) {
        select.setLong(1, from.toEpochMilli());
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            costs.put(r.getString(1), r.getDouble(2));
          }
        }
      }
      return costs;
    });
  }

  @Override
  public Future<JsonArray> groups(ModelUsage.GroupBy by, Instant from, Instant to) {
    String key = switch (by) {
      case DAY -> "strftime('%Y-%m-%d', time_ms / 1000, 'unixepoch')";
      case MODEL -> "model";
      case PROFILE -> "COALESCE(profile, '')";
    };
    String sql = "SELECT " + key + " AS k, COUNT(*), SUM(outcome = 'cache_hit'), SUM(outcome = 'failed'),"
        + " SUM(input_tokens), SUM(output_tokens), SUM(cost), AVG(latency_ms) FROM model_usage"
        + " WHERE time_ms >= ? AND time_ms < ? GROUP BY k ORDER BY k";
    return database.run(c -> {
      JsonArray groups = new JsonArray();
      try (PreparedStatement select = c.prepareStatement(sql)) {
        select.setLong(1, from.toEpochMilli());
        select.setLong(2, to.toEpochMilli());
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            groups.add(new JsonObject().put(by.name().toLowerCase(java.util.Locale.ROOT), r.getString(1))
                .put("calls", r.getLong(2)).put("cache_hits", r.getLong(3)).put("failures", r.getLong(4))
                .put("input_tokens", r.getLong(5)).put("output_tokens", r.getLong(6)).put("cost", r.getDouble(7))
                .put("mean_latency_ms", Math.round(r.getDouble(8))));
          }
        }
      }
      return groups;
    });
  }
}
