package io.harpou.bridge.vertx;

import io.vertx.core.Future;

/**
 * One part of the hub (the Home Assistant link, the agent, voice, the HTTP API) as the {@link Bridge} starts it.
 * Components start in a fixed order, each seeing the services of those before it in the {@link BridgeContext}, and
 * stop in reverse (verticles deployed through the context are undeployed by the bridge).
 */
public interface BridgeComponent {

  /** The component's name, as {@code /health} lists it. */
  String name();

  /**
   * Starts the component if its configuration asks for it, publishing its services in {@code context}. The Future
   * fails with {@link io.harpou.bridge.api.BridgeException} when it cannot start.
   */
  Future<Void> start(BridgeContext context);

  /** Releases what {@link #start} acquired that is not a verticle deployed through the context. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
