package io.harpou.bridge.vertx.rules;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.rules.impl.RuleStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where the rules added by speech, the console and the API are kept: the embedded database ({@link #of(Database)})
 * or a database several hubs share. Futures fail with {@link io.harpou.bridge.api.BridgeException} when the store
 * cannot be reached.
 */
public interface RuleTable {

  /** The table in the embedded database, created on first use. */
  static Future<RuleTable> of(Database database) {
    return RuleStore.open(database);
  }

  /** Every kept rule, oldest first; a row that no longer reads as a rule is logged and skipped. */
  Future<List<Rule>> load();

  /** Keeps a rule, replacing one of the same id. */
  Future<Void> save(Rule rule);

  /** Forgets a rule; true when there was one. */
  Future<Boolean> delete(String id);

  /** Whether other hubs add and remove rules here too, so the table must be read again. */
  default boolean shared() {
    return false;
  }
}
