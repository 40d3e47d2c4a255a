package io.harpou.bridge.vertx;

import io.harpou.bridge.vertx.health.Health;
import io.harpou.bridge.vertx.impl.BridgeImpl;
import io.harpou.bridge.vertx.tools.ToolRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.Set;

/**
 * The facade an application uses to run Harpou: create it from {@link BridgeOptions}, {@link #start()} it, and
 * {@link #close()} it. Starting deploys the configured verticles and completes when all are up; closing undeploys
 * every one of them.
 */
public interface Bridge {

  /** Creates a bridge; nothing runs until {@link #start()}. */
  static Bridge create(Vertx vertx, BridgeOptions options) {
    return new BridgeImpl(vertx, options);
  }

  /**
   * Opens the database, loads the tools and deploys the verticles. The Future fails with
   * {@link io.harpou.bridge.api.BridgeException} when a component cannot start; what had started is stopped again.
   */
  Future<Bridge> start();

  /** Undeploys every verticle the bridge deployed and closes the database. */
  Future<Void> close();

  /** The running services (home, agent, tasks, memory, voice). Available after {@link #start()}. */
  BridgeContext context();

  /** The tools and interpreters loaded from the class path. Available after {@link #start()}. */
  ToolRegistry tools();

  /** The components' states, as {@code /health} reports them. */
  Health health();

  /** The port the HTTP API listens on, or -1 when it does not run. */
  int httpPort();

  /**
   * The console's address with its token in the fragment ({@code http://127.0.0.1:PORT/#token=...}), to show the
   * person who started the hub; empty when the HTTP API does not run or cannot be reached on loopback.
   */
  Optional<String> consoleUrl();

  /** Ids of the verticles this bridge deployed and has not undeployed. */
  Set<String> deploymentIds();
}
