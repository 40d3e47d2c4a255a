package io.harpou.bridge.vertx.monitor.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.monitor.MonitorContext;
import io.harpou.bridge.api.monitor.Problem;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Home Assistant link is the household's, seen alike by every node of a cluster: only the node that watches the
 * household alerts about it, and another does once the duty moves to it.
 */
class HomeLinkMonitorTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_alert_about_a_lost_link_only_while_this_node_watches_the_household() {
    AtomicBoolean watching = new AtomicBoolean(false);
    HomeLinkMonitor monitor = new HomeLinkMonitor(unreachableHome(), 60_000, watching::get);
    MonitorContext context = new MonitorContext(vertx, Path.of("."));

    List<Problem> elsewhere = monitor.check(context).await();
    watching.set(true);
    List<Problem> here = monitor.check(context).await();

    assertThat(elsewhere).as("another node alerts").isEmpty();
    assertThat(here).extracting(Problem::key).containsExactly("home_assistant:link");
  }

  /** A home whose link is down; nothing else of it is asked. */
  private static HomeGateway unreachableHome() {
    return (HomeGateway) Proxy.newProxyInstance(HomeGateway.class.getClassLoader(), new Class<?>[] {HomeGateway.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "connectionState" -> ConnectionState.RECONNECTING;
          case "connectionDetail" -> "Connection refused";
          case "url" -> "http://homeassistant.local:8123";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
