package io.harpou.bridge.vertx.mqtt;

import io.harpou.bridge.vertx.mqtt.impl.MqttDiscoveryImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Harpou as Home Assistant devices and entities over MQTT: publishes Home Assistant's discovery configurations for
 * the hub, each satellite, timers, tasks and alerts, keeps their states, and carries out the commands Home Assistant
 * sends back (announce, conversation, mute, do not disturb, volume, cancel timers). Reconnects with backoff, and
 * publishes everything again when Home Assistant comes online.
 */
public interface MqttDiscovery {

  /** The component name in {@code /health}. */
  String COMPONENT = "mqtt";

  /**
   * Starts connecting; the Future succeeds once the connection is being attempted (a broker that is down does not
   * fail the start: the link keeps retrying and {@code /health} says so). It fails with
   * {@link io.harpou.bridge.api.BridgeException} when the password or CA file cannot be read.
   */
  static Future<MqttDiscovery> start(Vertx vertx, MqttOptions options, MqttServices services) {
    return MqttDiscoveryImpl.start(vertx, options, services);
  }

  /** True while connected to the broker. */
  boolean connected();

  /** Where the broker is and what is published, for {@code /health}. */
  String describe();

  /** Marks Harpou offline, removes nothing, and disconnects. */
  Future<Void> close();
}
