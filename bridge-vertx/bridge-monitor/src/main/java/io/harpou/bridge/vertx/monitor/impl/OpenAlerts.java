package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.event.AlertChanged;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open alerts as the repair tools read them. Tools are made by the tool registry before any monitor runs and
 * a confirmation question is phrased without a Vert.x context, so this view is shared through the JVM; alert ids are
 * ULIDs, so several hubs in one JVM never see each other's.
 */
final class OpenAlerts {

  private static final Map<String, AlertChanged> OPEN = new ConcurrentHashMap<>();

  private OpenAlerts() {
  }

  /** Records an alert's latest state; a cleared alert is forgotten. */
  static void update(AlertChanged alert) {
    if (alert.state() == AlertChanged.State.CLEARED) {
      OPEN.remove(alert.alertId());
    } else {
      OPEN.put(alert.alertId(), alert);
    }
  }

  /** The alert with this id, if it is open. */
  static Optional<AlertChanged> get(String alertId) {
    return alertId == null ? Optional.empty() : Optional.ofNullable(OPEN.get(alertId));
  }

  /** Every open alert, as the model reads it. */
  static List<JsonObject> list() {
    return OPEN.values().stream().map(a -> {
      JsonObject json = new JsonObject().put("alert_id", a.alertId()).put("monitor", a.monitor())
          .put("severity", a.severity()).put("summary", a.summary()).put("state", a.state().jsonName());
      return a.state() == AlertChanged.State.ASKING ? json.put("question", a.detail()) : json;
    }).toList();
  }
}
