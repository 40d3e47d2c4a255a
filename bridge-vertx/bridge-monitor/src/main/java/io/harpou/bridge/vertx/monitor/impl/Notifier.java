package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.vertx.monitor.MonitorOptions;
import io.harpou.bridge.vertx.monitor.MonitorServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people about an alert: always an {@link AlertChanged} event (the console and the WebSocket API show it),
 * a Home Assistant persistent notification (replaced as the alert moves on, dismissed when it clears) and a
 * {@code notify} service message when configured, and, outside quiet hours, an announcement in the configured rooms
 * when an alert is raised or asks a question. Reaching people is best effort: a failure is logged, never thrown.
 */
final class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final MonitorServices services;
  private final MonitorOptions options;
  private final EventPublisher events;
  private final Supplier<LocalTime> clock;

  Notifier(Vertx vertx, MonitorServices services, MonitorOptions options, Supplier<LocalTime> clock) {
    this.services = services;
    this.options = options;
    this.events = new EventPublisher(vertx);
    this.clock = clock;
  }

  void tell(AlertChanged alert) {
    OpenAlerts.update(alert);
    events.publish(alert);
    String message = message(alert);
    boolean french = options.language().startsWith("fr");
    LOG.info("Alert {} {}: {}", alert.key(), alert.state().jsonName(), message);
    services.home().ifPresent(home -> {
      String id = "harpou_alert_" + alert.alertId();
      ServiceCall call = alert.state() == AlertChanged.State.CLEARED
          ? new ServiceCall("persistent_notification", "dismiss", new JsonObject().put("notification_id", id),
          null, false)
          : new ServiceCall("persistent_notification", "create", new JsonObject().put("notification_id", id)
              .put("title", "Harpou: " + alert.monitor()).put("message", message), null, false);
      if (options.notifyHome()) {
        home.callService(call).onFailure(e -> LOG.warn("Could not notify Home Assistant of alert {}: {}",
            alert.key(), e.getMessage()));
      }
      if (options.notifyService() != null) {
        JsonObject data = new JsonObject().put("tag", id);
        if (alert.state() == AlertChanged.State.ASKING && options.answerFromHome()) {
          data.put("actions", new JsonArray()
              .add(new JsonObject().put("action", HomeAnswers.YES + alert.alertId()).put("title", french ? "Oui"
                  : "Yes"))
              .add(new JsonObject().put("action", HomeAnswers.NO + alert.alertId()).put("title", french ? "Non"
                  : "No")));
        }
        home.callService(new ServiceCall("notify", options.notifyService(), new JsonObject()
                .put("title", "Harpou: " + alert.monitor()).put("message", message).put("data", data), null, false))
            .onFailure(e -> LOG.warn("Could not send alert {} to notify.{}: {}", alert.key(),
                options.notifyService(), e.getMessage()));
      }
    });
    boolean spoken = alert.state() == AlertChanged.State.RAISED || alert.state() == AlertChanged.State.ASKING;
    if (spoken && !options.quiet(clock.get())) {
      services.announcer().ifPresent(announcer -> options.rooms().forEach(room -> announcer
          .announce(new Announcement(room, message, options.language()))
          .onFailure(e -> LOG.warn("Could not announce alert {} in {}: {}", alert.key(), room, e.getMessage()))));
    }
  }

  /** What people read or hear: the problem, and the question or outcome of its repair. */
  private String message(AlertChanged alert) {
    boolean french = options.language().startsWith("fr");
    return switch (alert.state()) {
      case RAISED -> alert.summary();
      case ASKING -> alert.summary() + " " + alert.detail() + (french
          ? " (répondez à Harpou : « oui pour la réparation »)" : " (tell Harpou: \"yes to the repair\")");
      case REPAIR_ENDED -> alert.summary() + " " + alert.detail();
      case CLEARED -> (french ? "Résolu : " : "Resolved: ") + alert.summary();
    };
  }
}
