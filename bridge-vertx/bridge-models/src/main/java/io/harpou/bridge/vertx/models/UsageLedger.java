package io.harpou.bridge.vertx.models;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.model.ModelUsage;
import io.harpou.bridge.vertx.models.impl.SqlUsageLedger;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.Map;

/**
 * The ledger of model calls and its sums: what each call cost, for the budgets and {@code /api/usage}. In the
 * embedded database by default ({@link #of(Database)}), or in a database several hubs share, whose budgets then
 * count every hub's calls. Futures fail with {@link io.harpou.bridge.api.BridgeException} when the store cannot be
 * reached.
 */
public interface UsageLedger {

  /** The ledger in the embedded database, its table created on first use. */
  static Future<UsageLedger> of(Database database) {
    return SqlUsageLedger.open(database).map(ledger -> ledger);
  }

  /** Writes one call. */
  Future<Void> record(UsageRow row);

  /** What each model has cost since {@code from}. */
  Future<Map<String, Double>> costSince(Instant from);

  /** The calls from {@code from} to {@code to}, grouped; see {@link ModelUsage#usage}. */
  Future<JsonArray> groups(ModelUsage.GroupBy by, Instant from, Instant to);

  /** Whether other hubs write to this ledger too, so the budgets must read its sums again. */
  default boolean shared() {
    return false;
  }
}
