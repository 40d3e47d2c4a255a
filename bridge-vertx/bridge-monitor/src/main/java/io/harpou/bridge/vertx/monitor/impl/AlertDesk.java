package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.Ulid;
import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.monitor.Problem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The open alerts, one per problem key: raising a problem that is already open does nothing, so a lasting problem
 * alerts once. Each change is told to people through the {@link Notifier} and each new alert opens a repair.
 */
final class AlertDesk implements MonitorScheduler.Alerts {

  private final Notifier notifier;
  private final RepairSessions repairs;
  private final Map<String, AlertChanged> open = new LinkedHashMap<>();

  AlertDesk(Notifier notifier, RepairSessions repairs) {
    this.notifier = notifier;
    this.repairs = repairs;
  }

  /** Raises {@code problem} unless its alert is open already. */
  @Override
  public void raise(String monitorId, Problem problem) {
    if (open.containsKey(problem.key())) {
      return;
    }
    String alertId = Ulid.next();
    AlertChanged alert = new AlertChanged(Instant.now(), alertId, monitorId, problem.key(),
        problem.severity().jsonName(), AlertChanged.State.RAISED, problem.summary(), null,
        repairs.conversationOf(alertId));
    open.put(problem.key(), alert);
    notifier.tell(alert);
    repairs.open(alert, problem);
  }

  /** Clears the alert of {@code key}, if one is open, and ends its repair session. */
  @Override
  public void clear(String key) {
    AlertChanged alert = open.remove(key);
    if (alert != null) {
      repairs.cleared(alert);
      notifier.tell(alert.to(AlertChanged.State.CLEARED, null));
    }
  }

  /** The open alert with this id. */
  Optional<AlertChanged> byId(String alertId) {
    return open.values().stream().filter(a -> a.alertId().equals(alertId)).findFirst();
  }
}
