package io.harpou.bridge.vertx.ha;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.event.EventPublisher;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Instant;

/**
 * Runs a {@link HomeAssistantClient} built from {@code config()} (the keys of {@link HomeAssistantOptions}, plus
 * {@code wait_for_connect}: when true, deployment completes only once the client is in sync) and publishes a
 * {@link ComponentStateChanged} named {@code home_assistant} on {@link BridgeAddresses#EVENTS} at every change of
 * connection state. Other components reach the home through {@link #gateway()}.
 */
public class HomeAssistantVerticle extends VerticleBase {

  /** The component name used in events and {@code /health}. */
  public static final String COMPONENT = "home_assistant";

  private volatile HomeAssistantClient client;
  private EventPublisher events;

  /**
   * Creates the client and starts connecting.
   *
   * @return completes at once, or once in sync when {@code wait_for_connect} is true (then fails as
   *     {@link HomeAssistantClient#connect()} does)
   */
  @Override
  public Future<?> start() {
    HomeAssistantOptions options = new HomeAssistantOptions(config());
    events = new EventPublisher(vertx);
    client = HomeAssistantClient.create(vertx, options);
    client.onConnectionStateChange(state -> publish(state, client.connectionDetail()));
    publish(client.connectionState(), "connecting to " + options.getUrl());
    Future<Void> connected = client.connect();
    return config().getBoolean("wait_for_connect", false) ? connected : Future.succeededFuture();
  }

  /** Closes the client. */
  @Override
  public Future<?> stop() {
    return client == null ? Future.succeededFuture() : client.close();
  }

  /** The home, once started; null before. */
  public HomeGateway gateway() {
    return client;
  }

  private void publish(ConnectionState state, String detail) {
    events.publish(new ComponentStateChanged(Instant.now(), COMPONENT, state.jsonName(), detail));
  }
}
