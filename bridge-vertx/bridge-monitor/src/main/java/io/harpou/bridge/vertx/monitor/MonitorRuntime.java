package io.harpou.bridge.vertx.monitor;

import io.harpou.bridge.vertx.monitor.impl.MonitorVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The monitors as they run: those the services carry and the hub's own (the Home Assistant link, Harpou's
 * components), each on its interval. A lasting problem becomes an alert (an event, a Home Assistant notification, an
 * announcement) and opens a repair session with the agent; {@link io.harpou.bridge.api.BridgeAddresses#REPAIR_ANSWER}
 * takes the household's answers.
 */
public final class MonitorRuntime {

  /** The component name in {@code /health}. */
  public static final String COMPONENT = "monitors";

  private final Vertx vertx;
  private final String deployment;
  private final List<String> monitorIds;

  private MonitorRuntime(Vertx vertx, String deployment, List<String> monitorIds) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.monitorIds = monitorIds;
  }

  /** Starts every monitor, first checks at once, and serves the repairs' answers. */
  public static Future<MonitorRuntime> start(Vertx vertx, MonitorOptions options, MonitorServices services) {
    MonitorVerticle verticle = new MonitorVerticle(options, services);
    return vertx.deployVerticle(verticle).map(id -> new MonitorRuntime(vertx, id, verticle.monitorIds()));
  }

  /** The ids of the monitors that run. */
  public List<String> monitorIds() {
    return monitorIds;
  }

  /** The monitors that run, for {@code /health}. */
  public String describe() {
    return String.join(", ", monitorIds);
  }

  /** Stops every monitor and takes no more answers. */
  public Future<Void> close() {
    // When Vert.x itself is closing, it may have undeployed the verticle already.
    return vertx.deploymentIDs().contains(deployment) ? vertx.undeploy(deployment) : Future.succeededFuture();
  }
}
