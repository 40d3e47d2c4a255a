package io.harpou.bridge.vertx.rules;

import io.harpou.bridge.api.rules.RuleBook;
import io.harpou.bridge.vertx.rules.impl.NotificationRulesImpl;
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
    return RuleTable.of(services.database()).compose(table -> start(vertx, options, services, table));
  }

  /**
   * As {@link #start(Vertx, NotificationOptions, NotificationServices)}, with the added rules kept in {@code table}.
   * When other hubs share it, it is read again each second: a rule added on another hub is watched and listed here,
   * and one removed there is no longer.
   */
  static Future<NotificationRules> start(Vertx vertx, NotificationOptions options, NotificationServices services,
                                         RuleTable table) {
    return NotificationRulesImpl.start(vertx, options, services, table);
  }

  /** Every rule watched now. */
  List<Rule> rules();

  /** Stops watching and serving. */
  Future<Void> close();
}
