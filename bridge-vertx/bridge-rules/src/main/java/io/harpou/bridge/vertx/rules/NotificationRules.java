package io.harpou.bridge.vertx.rules;

import io.harpou.bridge.api.rules.RuleBook;
import io.harpou.bridge.vertx.rules.impl.NotificationRulesImpl;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Watches Home Assistant for what the household wants to be told (a door left open, a window open while the heating
 * runs, a low battery, a leak) and, when a rule's condition has held long enough, says it in the right rooms, shows
 * it in the console (a {@code notification} event) and sends it to Home Assistant. Serves the {@link RuleBook} on the
 * event bus, so speech, the console and the API add and remove rules.
 */
public interface NotificationRules extends RuleBook {

  /** The component name in {@code /health}. */
  String COMPONENT = "notifications";
  /** The kind of the event each notification publishes. */
  String EVENT_KIND = "notification";

  /**
   * Loads the rules added earlier, starts watching and serves the book. Runs its timers on the caller's context;
   * fails with {@link io.harpou.bridge.api.BridgeException} when the database cannot be read.
   */
  static Future<NotificationRules> start(Vertx vertx, NotificationOptions options, NotificationServices services) {
    return Future.all(RuleTable.of(services.database()), AuditLog.open(services.database()))
        .compose(opened -> start(vertx, options, services, opened.resultAt(0), opened.resultAt(1)));
  }

  /**
   * As {@link #start(Vertx, NotificationOptions, NotificationServices)}, with the added rules kept in {@code table}
   * and each notification audited in {@code audit} (hubs sharing a database pass theirs). When other hubs share the
   * table, it is read again each second: a rule added on another hub is watched and listed here, and one removed
   * there is no longer.
   */
  static Future<NotificationRules> start(Vertx vertx, NotificationOptions options, NotificationServices services,
                                         RuleTable table, AuditLog audit) {
    return NotificationRulesImpl.start(vertx, options, services, table, audit);
  }

  /** Every rule watched now. */
  List<Rule> rules();

  /** Stops watching and serving. */
  Future<Void> close();
}
