package io.harpou.bridge.vertx.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Another client of the broker, standing where Home Assistant stands: it sees what Harpou publishes and sends. */
final class Observer {

  /** One message as received. */
  record Received(String topic, String payload, boolean retained, long nanos) {
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  final Map<String, String> latest = new ConcurrentHashMap<>();
  private final MqttClient client;

  Observer(Vertx vertx, int port, String... filters) {
    client = MqttClient.create(vertx, new MqttClientOptions().setClientId("observer-" + System.nanoTime())
        .setMaxMessageSize(4 * 1024 * 1024).setMaxInflightQueue(1_000));
    client.publishHandler(m -> {
      String payload = m.payload().toString();
      received.add(new Received(m.topicName(), payload, m.isRetain(), System.nanoTime()));
      if (payload.isEmpty()) {
        latest.remove(m.topicName());
      } else {
        latest.put(m.topicName(), payload);
      }
    });
    client.connect(port, "127.0.0.1").await();
    for (String filter : filters) {
      client.subscribe(filter, 1).await();
    }
  }

  /** Publishes as another client would (Home Assistant sending a command, or someone else). */
  void send(String topic, String payload, boolean retain) {
    send(topic, Buffer.buffer(payload), retain);
  }

  void send(String topic, Buffer payload, boolean retain) {
    client.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, retain).await();
  }

  /** Discovery configurations now retained, by topic. */
  Map<String, JsonObject> configs() {
    Map<String, JsonObject> out = new java.util.TreeMap<>();
    latest.forEach((topic, payload) -> {
      if (topic.endsWith("/config")) {
        out.put(topic, new JsonObject(payload));
      }
    });
    return out;
  }

  void close() {
    client.disconnect().await();
  }

  /** Waits up to 10 s for a condition. */
  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
