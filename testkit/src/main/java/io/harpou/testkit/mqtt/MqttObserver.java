package io.harpou.testkit.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Another client of a test's broker, standing where Home Assistant stands: it records what Harpou publishes on the
 * topics it subscribed to, and sends what Home Assistant (or anyone on the broker) would send.
 */
public final class MqttObserver {

  /**
   * One message as received.
   *
   * @param topic its topic
   * @param payload its payload as text
   * @param retained whether the broker delivered it as retained
   * @param nanos when it arrived ({@link System#nanoTime()})
   */
  public record Received(String topic, String payload, boolean retained, long nanos) {
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, String> latest = new ConcurrentHashMap<>();
  private final MqttClient client;

  private MqttObserver(MqttClient client) {
    this.client = client;
  }

  /** Connects to the broker on {@code port} of 127.0.0.1 and subscribes to {@code filters} (QoS 1). */
  public static MqttObserver connect(Vertx vertx, int port, String... filters) {
    MqttObserver observer = new MqttObserver(MqttClient.create(vertx, new MqttClientOptions()
        .setClientId("observer-" + System.nanoTime()).setMaxMessageSize(4 * 1024 * 1024).setMaxInflightQueue(1_000)));
    observer.client.publishHandler(m -> observer.record(m.topicName(), m.payload().toString(), m.isRetain()));
    observer.client.connect(port, "127.0.0.1").await();
    for (String filter : filters) {
      observer.client.subscribe(filter, 1).await();
    }
    return observer;
  }

  private void record(String topic, String payload, boolean retained) {
    received.add(new Received(topic, payload, retained, System.nanoTime()));
    if (payload.isEmpty()) {
      latest.remove(topic);
    } else {
      latest.put(topic, payload);
    }
  }

  /** Every message received, in order. */
  public List<Received> received() {
    return received;
  }

  /** The latest payload of each topic; an empty payload (a retained message cleared) removes the topic. */
  public Map<String, String> latest() {
    return latest;
  }

  /** Discovery configurations now retained, by topic. */
  public Map<String, JsonObject> configs() {
    Map<String, JsonObject> out = new TreeMap<>();
    latest.forEach((topic, payload) -> {
      if (topic.endsWith("/config")) {
        out.put(topic, new JsonObject(payload));
      }
    });
    return out;
  }

  /** Publishes as another client would (QoS 1). */
  public void send(String topic, String payload, boolean retain) {
    send(topic, Buffer.buffer(payload), retain);
  }

  /** Publishes raw bytes as another client would (QoS 1). */
  public void send(String topic, Buffer payload, boolean retain) {
    client.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, retain).await();
  }

  /** Disconnects. */
  public void close() {
    client.disconnect().await();
  }
}
