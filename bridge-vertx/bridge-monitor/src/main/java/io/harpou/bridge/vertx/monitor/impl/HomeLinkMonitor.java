package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Alerts when the link to Home Assistant has been down for a while; without Home Assistant it sees nothing, nor on a
 * node of a cluster that does not watch the household just now (another node alerts, once).
 */
final class HomeLinkMonitor implements Monitor {

  private final HomeGateway home;
  private final Duration after;
  private final BooleanSupplier watching;

  /** Watches {@code home}, which is null when none is configured, while {@code watching} says so. */
  HomeLinkMonitor(HomeGateway home, long afterMs, BooleanSupplier watching) {
    this.home = home;
    this.after = Duration.ofMillis(afterMs);
    this.watching = watching;
  }

  @Override
  public String id() {
    return "home_assistant";
  }

  @Override
  public Duration interval() {
    return Duration.ofSeconds(30);
  }

  @Override
  public Duration sustain() {
    return after;
  }

  @Override
  public Future<List<Problem>> check(MonitorContext context) {
    if (home == null || !watching.getAsBoolean() || home.connectionState() == ConnectionState.CONNECTED) {
      return Future.succeededFuture(List.of());
    }
    String where = home.url() == null ? "Home Assistant" : "Home Assistant at " + home.url();
    return Future.succeededFuture(List.of(new Problem("home_assistant:link", Problem.Severity.CRITICAL,
        "The link to " + where + " is down: " + home.connectionDetail() + ".", null)));
  }
}
