package io.harpou.bridge.vertx.monitor;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.harpou.bridge.vertx.monitor.impl.MonitorVerticle;
import io.vertx.core.Future;

/**
 * Starts the monitors from the {@code monitors} section ({@link MonitorOptions}): those the tool providers contribute
 * and the hub's own (the Home Assistant link, Harpou's components). A lasting problem becomes an alert (an event, a
 * Home Assistant notification, an announcement) and opens a repair session with the agent. Starts after the agent
 * and voice, whose services it uses; with {@code "enabled": false} nothing runs.
 */
public final class MonitorComponent implements BridgeComponent {

  @Override
  public String name() {
    return "monitors";
  }

  @Override
  public Future<Void> start(BridgeContext context) {
    MonitorOptions options;
    try {
      options = new MonitorOptions(context.options().section("monitors"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new BridgeException("bad monitors configuration: " + e.getMessage(), e));
    }
    if (!options.enabled()) {
      return Future.succeededFuture();
    }
    MonitorVerticle verticle = new MonitorVerticle(context, options);
    return context.deploy(verticle)
        .onSuccess(id -> context.health().report(name(), "ready", String.join(", ", verticle.monitorIds())))
        .mapEmpty();
  }
}
