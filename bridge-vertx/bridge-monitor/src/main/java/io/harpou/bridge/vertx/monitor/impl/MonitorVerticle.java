package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.Ids;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.vertx.monitor.MonitorOptions;
import io.harpou.bridge.vertx.monitor.MonitorServices;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the monitors, the alerts and the repair sessions on one event loop, and serves
 * {@link BridgeAddresses#REPAIR_ANSWER}. Undeploying it stops every timer.
 */
public final class MonitorVerticle extends AbstractVerticle {

  private final MonitorOptions options;
  private final MonitorServices services;
  private final List<Monitor> monitors;
  private MonitorScheduler scheduler;
  private RepairSessions repairs;
  private Registration homeAnswers;

  /** The monitors the services carry, with the hub's own (the Home Assistant link, its components). */
  public MonitorVerticle(MonitorOptions options, MonitorServices services) {
    this.options = options;
    this.services = services;
    this.monitors = new ArrayList<>(services.monitors());
    monitors.add(new HomeLinkMonitor(services.home().orElse(null), options.homeLinkAfterMs(),
        services::watchesHousehold));
    monitors.add(new ComponentsMonitor(services.health(), options.componentsAfterMs()));
  }

  /** The ids of the monitors that run. */
  public List<String> monitorIds() {
    return monitors.stream().map(Monitor::id).toList();
  }

  @Override
  public void start() {
    Notifier notifier = new Notifier(vertx, services, options, LocalTime::now);
    repairs = new RepairSessions(services.agent().orElse(null), notifier::tell, options, System::currentTimeMillis);
    AlertDesk desk = new AlertDesk(notifier, repairs);
    scheduler = new MonitorScheduler(vertx, new MonitorContext(vertx, services.dataDir()), desk,
        System::currentTimeMillis);
    scheduler.start(monitors);
    if (options.answerFromHome()) {
      homeAnswers = services.home().map(home -> HomeAnswers.listen(home, repairs, context)).orElse(null);
    }
    vertx.eventBus().<JsonObject>localConsumer(BridgeAddresses.REPAIR_ANSWER, message -> {
      JsonObject body = message.body();
      String alertId = body.getString("alert_id");
      String text = body.getString("text");
      String user = body.getString("user");
      if (alertId == null || text == null || text.isBlank() || user != null && !Ids.isValid(user)) {
        message.fail(400, "an answer needs an alert_id, a text and, if given, a valid user");
        return;
      }
      repairs.answer(alertId, text, user == null ? "someone" : user)
          .onSuccess(speech -> message.reply(new JsonObject().put("speech", speech)))
          .onFailure(e -> message.fail(500, e.getMessage()));
    });
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
    if (homeAnswers != null) {
      homeAnswers.unregister();
    }
  }
}
