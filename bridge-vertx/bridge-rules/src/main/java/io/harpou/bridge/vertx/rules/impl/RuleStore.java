package io.harpou.bridge.vertx.rules.impl;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.rules.Rule;
import io.harpou.bridge.vertx.rules.RuleTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules speech, the console and the API added, kept in the database so they survive a restart. */
public final class RuleStore implements RuleTable {

  private static final Logger LOG = LoggerFactory.getLogger(RuleStore.class);
  private static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE notification_rules (id TEXT PRIMARY KEY, origin TEXT NOT NULL, rule TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
      """);

  private final Database database;

  private RuleStore(Database database) {
    this.database = database;
  }

  /** Opens the table. */
  public static Future<RuleTable> open(Database database) {
    return database.migrate("notification_rules", MIGRATIONS).map(v -> new RuleStore(database));
  }

  @Override
  public Future<List<Rule>> load() {
    return database.run(c -> {
      List<Rule> rules = new ArrayList<>();
      try (PreparedStatement query = c.prepareStatement("SELECT id, origin, rule FROM notification_rules ORDER BY"
          + " created_at, id"); ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          try {
            rules.add(Rule.fromJson(new JsonObject(rows.getString(3)), rows.getString(2)));
          } catch (RuntimeException e) {
            LOG.warn("Skipping the kept notification rule {}: {}", rows.getString(1), e.getMessage());
          }
        }
      }
      return rules;
    });
  }

  @Override
  public Future<Void> save(Rule rule) {
    return database.write(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO notification_rules(id, origin, rule)"
          + " VALUES(?, ?, ?)")) {
        insert.setString(1, rule.id());
        insert.setString(2, rule.origin());
        insert.setString(3, rule.toJson().encode());
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return database.write(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM notification_rules WHERE id = ?")) {
        delete.setString(1, id);
        return delete.executeUpdate() > 0;
      }
    });
  }
}
