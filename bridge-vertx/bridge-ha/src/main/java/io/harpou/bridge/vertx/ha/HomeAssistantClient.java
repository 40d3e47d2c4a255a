package io.harpou.bridge.vertx.ha;

import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.vertx.ha.impl.HomeAssistantClientImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * The Home Assistant WebSocket client: authenticates, keeps a live cache of every state through
 * {@code subscribe_entities}, joins the floor, area, device and entity registries, acts through {@code call_service},
 * and reconnects with backoff after a drop (resyncing the cache and reporting what changed meanwhile). While the
 * WebSocket is down, service calls and state refreshes go through the REST API when it answers. A call goes another
 * way only when it was never sent: one whose answer was lost fails with an unknown outcome and is never sent again.
 *
 * <p>Each state change is passed to {@link #onStateChange} handlers and published as
 * {@link io.harpou.bridge.api.home.StateChange} JSON on
 * {@link io.harpou.bridge.api.BridgeAddresses#HOME_STATE_CHANGED}. Handlers run on the Vert.x context the client
 * was created on.
 */
public interface HomeAssistantClient extends HomeGateway {

  /**
   * Creates a client bound to the current Vert.x context (or a new one); nothing connects until {@link #connect()}.
   */
  static HomeAssistantClient create(Vertx vertx, HomeAssistantOptions options) {
    return new HomeAssistantClientImpl(vertx, options);
  }

  /**
   * Connects, authenticates, subscribes and loads states and registries; unreachable attempts are retried with
   * backoff, rejected tokens with a slower one ({@code max_auth_backoff_ms}). Calling it again returns the same
   * Future.
   *
   * @return completes once the client is in sync; fails with {@link HomeAssistantException} coded
   *     {@link HomeAssistantException#AUTH_INVALID} when the token is first rejected (the client keeps retrying, and
   *     {@link #onConnectionStateChange} tells when it connects), or {@link HomeAssistantException#NOT_CONNECTED}
   *     when the client is closed first
   */
  Future<Void> connect();

  /**
   * Closes the connection and stops reconnecting; calls in flight fail with
   * {@link HomeAssistantException#CONNECTION_LOST}, later calls with {@link HomeAssistantException#NOT_CONNECTED}.
   *
   * @return completes once closed
   */
  Future<Void> close();

  /**
   * Calls {@code handler} on every change of {@link #connectionState()} or {@link #connectionDetail()}, until the
   * registration is cancelled.
   */
  Registration onConnectionStateChange(Handler<ConnectionState> handler);
}
