package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.models.UsageLedger;
import io.harpou.bridge.vertx.models.UsageRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The ledger of model calls in PostgreSQL, which every hub on the database writes to and whose budgets count. */
final class PgUsageLedger implements UsageLedger {

  private final Pool pool;

  PgUsageLedger(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> record(UsageRow row) {
    return Sql.mapped(pool.preparedQuery("INSERT INTO model_usage(time_ms, model, profile, conversation_id, turn_id,"
        + " input_tokens, output_tokens, cost, latency_ms, outcome) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)")
        .execute(Tuple.from(new Object[] {row.time().toEpochMilli(), row.model(), row.profile(),
            row.conversationId(), row.turnId(), row.inputTokens(), row.outputTokens(), row.cost(),
            row.latencyMillis(), row.outcome()})).mapEmpty());
  }

  @Override
  public Future<Map<String, Double>> costSince(Instant from) {
    return Sql.mapped(pool.preparedQuery("SELECT model, SUM(cost) FROM model_usage WHERE time_ms >= $1"
        + " GROUP BY model").execute(Tuple.of(from.toEpochMilli())).map(rows -> {
          Map<String, Double> costs = new HashMap<>();
          for (Row r : rows) {
            costs.put(r.getString(0), r.getDouble(1));
          }
          return costs;
        }));
  }

  @Override
  public Future<JsonArray> groups(ModelUsage.GroupBy by, Instant from, Instant to) {
    String key = switch (by) {
      case DAY -> "to_char(to_timestamp(time_ms / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
      case MODEL -> "model";
      case PROFILE -> "COALESCE(profile, '')";
    };
    String sql = "SELECT " + key + " AS k, COUNT(*), COUNT(*) FILTER (WHERE outcome = 'cache_hit'),"
        + " COUNT(*) FILTER (WHERE outcome = 'failed'), SUM(input_tokens), SUM(output_tokens), SUM(cost),"
        + " AVG(latency_ms)::DOUBLE PRECISION FROM model_usage WHERE time_ms >= $1 AND time_ms < $2"
        + " GROUP BY k ORDER BY k";
    return Sql.mapped(pool.preparedQuery(sql).execute(Tuple.of(from.toEpochMilli(), to.toEpochMilli()))
        .map(rows -> {
          JsonArray groups = new JsonArray();
          for (Row r : rows) {
            groups.add(new JsonObject().put(by.name().toLowerCase(Locale.ROOT), r.getString(0))
                .put("calls", r.getLong(1)).put("cache_hits", r.getLong(2)).put("failures", r.getLong(3))
                .put("input_tokens", r.getLong(4)).put("output_tokens", r.getLong(5)).put("cost", r.getDouble(6))
                .put("mean_latency_ms", Math.round(r.getDouble(7))));
          }
          return groups;
        }));
  }

  @Override
  public boolean shared() {
    return true;
  }
}
