package io.harpou.bridge.api.event;

import io.harpou.bridge.api.BridgeAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Collections;

/**
 * Publishes {@link BridgeEvent}s on {@link BridgeAddresses#EVENTS}. Every event reaches several local consumers (the
 * HTTP API's event stream, metrics and satellite list, health, memory), and Vert.x's JSON codec would hand each one a
 * deep copy: under load that copying was a tenth of a turn's CPU. On a local event bus every consumer receives the
 * same event instead, read-only so that no consumer can change what the others see. On a clustered bus the standard
 * codec is kept, which every node decodes whatever it runs.
 */
public final class EventPublisher {

  private final EventBus bus;
  private final DeliveryOptions options;

  /** A publisher on {@code vertx}'s event bus. */
  public EventPublisher(Vertx vertx) {
    this.bus = vertx.eventBus();
    this.options = vertx.isClustered() ? new DeliveryOptions()
        : new DeliveryOptions().setCodecName(SharedJsonCodec.register(bus));
  }

  /** Publishes an event's JSON form. */
  public void publish(BridgeEvent event) {
    JsonObject json = event.toJson();
    bus.publish(BridgeAddresses.EVENTS, new JsonObject(Collections.unmodifiableMap(json.getMap())), options);
  }
}
