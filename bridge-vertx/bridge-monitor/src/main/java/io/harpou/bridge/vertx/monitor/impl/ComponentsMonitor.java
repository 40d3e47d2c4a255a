package io.harpou.bridge.vertx.monitor.impl;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.bridge.vertx.health.Health;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts when a Harpou component (the agent, the database, a speech engine) stays degraded or failed, as
 * {@code /health} reports it. The Home Assistant link has a monitor of its own.
 */
final class ComponentsMonitor implements Monitor {

  private final Health health;
  private final Duration after;

  ComponentsMonitor(Health health, long afterMs) {
    this.health = health;
    this.after = Duration.ofMillis(afterMs);
  }

  @Override
  public String id() {
    return "components";
  }

  @Override
  public Duration interval() {
    return Duration.ofMinutes(1);
  }

  @Override
  public Duration sustain() {
    return after;
  }

  @Override
  public Future<List<Problem>> check(MonitorContext context) {
    List<Problem> problems = new ArrayList<>();
    JsonObject components = health.toJson().getJsonObject("components", new JsonObject());
    for (String name : components.fieldNames()) {
      JsonObject component = components.getJsonObject(name);
      String state = component.getString("state");
      boolean failed = Health.FAILED_STATES.contains(state);
      if (!name.equals("home_assistant") && (failed || Health.DEGRADED_STATES.contains(state))) {
        String detail = component.getString("detail");
        problems.add(new Problem("component:" + name, failed ? Problem.Severity.CRITICAL
            : Problem.Severity.WARNING, "Harpou's " + name + " is " + state + (detail == null ? "." : ": "
            + detail + "."), component));
      }
    }
    return Future.succeededFuture(problems);
  }
}
