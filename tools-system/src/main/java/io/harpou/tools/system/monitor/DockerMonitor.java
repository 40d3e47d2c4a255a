package io.harpou.tools.system.monitor;

import io.harpou.bridge.api.monitor.Monitor;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.harpou.tools.system.docker.DockerConnection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Alerts when Docker does not answer, or a container is unhealthy or restarting. */
final class DockerMonitor implements Monitor {

  private final DockerConnection docker;
  private final Duration interval;

  DockerMonitor(DockerConnection docker, JsonObject section) {
    this.docker = docker;
    this.interval = Duration.ofMillis(section.getLong("interval_ms", 60_000L));
  }

  @Override
  public String id() {
    return "docker";
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public Future<List<Problem>> check(MonitorContext context) {
    return docker.client(context.vertx()).containers(true, null)
        .map(DockerMonitor::problems)
        .recover(e -> Future.succeededFuture(List.of(new Problem("docker:unreachable",
            Problem.Severity.CRITICAL, "Docker does not answer at " + docker.socket() + ": " + e.getMessage(),
            null))));
  }

  private static List<Problem> problems(JsonArray containers) {
    List<Problem> problems = new ArrayList<>();
    for (Object item : containers) {
      JsonObject container = (JsonObject) item;
      String name = name(container);
      String state = container.getString("State", "");
      String status = container.getString("Status", "");
      if ("restarting".equals(state)) {
        problems.add(new Problem("docker:" + name, Problem.Severity.CRITICAL, "Container " + name
            + " keeps restarting (" + status + ").", new JsonObject().put("container", name).put("status", status)));
      } else if (status.contains("(unhealthy)")) {
        problems.add(new Problem("docker:" + name, Problem.Severity.WARNING, "Container " + name
            + " is unhealthy (" + status + ").", new JsonObject().put("container", name).put("status", status)));
      }
    }
    return problems;
  }

  private static String name(JsonObject container) {
    JsonArray names = container.getJsonArray("Names", new JsonArray());
    String name = names.isEmpty() ? container.getString("Id", "?") : names.getString(0);
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
