package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.vertx.rules.Rule;
import io.harpou.bridge.vertx.rules.RuleTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notification rules added by speech, the console and the API, in PostgreSQL for every hub to watch and list. */
final class PgRuleTable implements RuleTable {

  private static final Logger LOG = LoggerFactory.getLogger(PgRuleTable.class);

  private final Pool pool;

  PgRuleTable(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<Rule>> load() {
    return Sql.mapped(pool.query("SELECT id, origin, rule FROM notification_rules ORDER BY created_at, id").execute()
        .map(rows -> {
          List<Rule> rules = new ArrayList<>();
          for (Row row : rows) {
            try {
              rules.add(Rule.fromJson(new JsonObject(row.getString(2)), row.getString(1)));
            } catch (RuntimeException e) {
              LOG.warn("Skipping the kept notification rule {}: {}", row.getString(0), e.getMessage());
            }
          }
          return rules;
        }));
  }

  @Override
  public Future<Void> save(Rule rule) {
    return Sql.mapped(pool.preparedQuery("INSERT INTO notification_rules(id, origin, rule) VALUES($1, $2, $3)"
        + " ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, rule = excluded.rule,"
        + " created_at = excluded.created_at").execute(Tuple.of(rule.id(), rule.origin(), rule.toJson().encode()))
        .mapEmpty());
  }

  @Override
  public Future<Boolean> delete(String id) {
    return Sql.mapped(pool.preparedQuery("DELETE FROM notification_rules WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public boolean shared() {
    return true;
  }
}
