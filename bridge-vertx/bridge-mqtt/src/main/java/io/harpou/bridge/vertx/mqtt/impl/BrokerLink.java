package io.harpou.bridge.vertx.mqtt.impl;

import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubAckMessage;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harpou's connection to the broker, on one event loop: connects with a last will ({@code offline}, retained),
 * reconnects with a doubling, jittered delay, and publishes at QoS 1 through a bounded window. What cannot be sent at
 * once waits, one message per topic (a newer state replaces an older one), so a burst of changes never grows a queue.
 */
final class BrokerLink {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
  /** Messages sent and not yet acknowledged at most. */
  static final int WINDOW = 256;
  /**
   * The largest message read from the broker. Commands are under 1 KiB and configurations a few, but a larger message
   * on a subscribed topic breaks the MQTT 3.1.1 stream (the decoder cannot skip it) and costs a reconnection, so the
   * bound is generous; the broker's {@code message_size_limit} is what stops larger ones.
   */
  static final int MAX_INCOMING_BYTES = 1024 * 1024;
  /** A connection that lived this long was healthy: the next drop retries from the initial delay. */
  private static final long STABLE_MS = 30_000;

  /** What the link tells its owner. */
  interface Listener {
    /** Connected: subscribe and publish everything. */
    void linkUp();

    /** Lost or could not connect; retrying in {@code retryMs}. */
    void linkDown(String why, long retryMs);

    /** A message on a subscribed topic. */
    void message(MqttPublishMessage message);
  }

  private final Vertx vertx;
  private final MqttOptions options;
  private final String password;
  private final String willTopic;
  private final Listener listener;
  private final Map<String, Outgoing> waiting = new LinkedHashMap<>();
  /** Subscriptions sent and not yet acknowledged, by message id. */
  private final Map<Integer, Promise<Void>> subscribing = new HashMap<>();
  private MqttClient client;
  private boolean connected;
  private boolean stopped;
  private int inflight;
  private long backoff;
  private long connectedAt;
  private long retryTimer = -1;

  BrokerLink(Vertx vertx, MqttOptions options, String password, String willTopic, Listener listener) {
    this.vertx = vertx;
    this.options = options;
    this.password = password;
    this.willTopic = willTopic;
    this.listener = listener;
    this.backoff = options.initialBackoffMs();
  }

  boolean connected() {
    return connected;
  }

  void start() {
    connect();
  }

  private MqttClientOptions clientOptions() {
    MqttClientOptions o = new MqttClientOptions().setClientId("harpou-" + options.nodeId())
        .setCleanSession(true).setKeepAliveInterval(30).setAutoKeepAlive(true)
        .setMaxInflightQueue(WINDOW + 16).setMaxMessageSize(MAX_INCOMING_BYTES)
        .setWillFlag(true).setWillTopic(willTopic).setWillMessageBytes(Buffer.buffer("offline")).setWillQoS(1)
        .setWillRetain(true);
    o.setConnectTimeout(10_000);
    if (options.username() != null) {
      o.setUsername(options.username());
    }
    if (password != null) {
      o.setPassword(password);
    }
    if (options.tls()) {
      o.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
      if (options.caFile() != null) {
        o.setTrustOptions(new PemTrustOptions().addCertPath(options.caFile()));
      }
    }
    return o;
  }

  private void connect() {
    retryTimer = -1;
    if (stopped) {
      return;
    }
    MqttClient attempt = MqttClient.create(vertx, clientOptions());
    client = attempt;
    attempt.publishHandler(message -> {
      if (attempt == client) {
        listener.message(message);
      }
    });
    attempt.publishCompletionHandler(id -> acknowledged(attempt));
    attempt.publishCompletionExpirationHandler(id -> acknowledged(attempt));
    attempt.subscribeCompletionHandler(ack -> {
      if (attempt == client) {
        subscribed(ack);
      }
    });
    attempt.exceptionHandler(e -> LOG.debug("MQTT: {}", e.toString()));
    attempt.closeHandler(v -> dropped(attempt, "the connection to the broker closed"));
    attempt.connect(options.port(), options.host()).onComplete(ar -> {
      if (attempt != client) {
        return;
      }
      if (ar.failed()) {
        dropped(attempt, reason(ar.cause()));
      } else if (stopped) {
        attempt.disconnect();
      } else {
        connected = true;
        connectedAt = System.nanoTime();
        LOG.info("Connected to the MQTT broker at {}", options.describe());
        listener.linkUp();
      }
    });
  }

  private static String reason(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (text.contains("NOT_AUTHORIZED") || text.contains("BAD_USER_NAME_OR_PASSWORD")) {
      return "the broker refused Harpou's user name or password";
    }
    return text;
  }

  private void dropped(MqttClient which, String why) {
    if (which != client || retryTimer >= 0) {
      return;
    }
    boolean wasUp = connected;
    connected = false;
    inflight = 0;
    waiting.clear();
    subscribing.values().forEach(p -> p.tryFail("the connection to the broker closed"));
    subscribing.clear();
    if (wasUp && (System.nanoTime() - connectedAt) / 1_000_000 >= STABLE_MS) {
      backoff = options.initialBackoffMs();
    }
    if (stopped) {
      return;
    }
    long delay = backoff + ThreadLocalRandom.current().nextLong(backoff / 10 + 1);
    backoff = Math.min(backoff * 2, options.maxBackoffMs());
    if (wasUp) {
      LOG.warn("Lost the MQTT broker at {}: {}; reconnecting in {} ms", options.describe(), why, delay);
    } else {
      LOG.debug("MQTT broker at {} unreachable: {}; retrying in {} ms", options.describe(), why, delay);
    }
    listener.linkDown(why, delay);
    retryTimer = vertx.setTimer(delay, t -> connect());
  }

  /**
   * Subscribes; succeeds once the broker has acknowledged every topic (Vert.x's own future only says the request was
   * written, and a command published before the broker subscribes us is lost); fails when not connected.
   */
  Future<Void> subscribe(Map<String, Integer> topics) {
    if (!connected) {
      return Future.failedFuture("not connected");
    }
    return client.subscribe(topics).compose(id -> {
      Promise<Void> acknowledged = Promise.promise();
      subscribing.put(id, acknowledged);
      return acknowledged.future();
    });
  }

  private void subscribed(MqttSubAckMessage ack) {
    Promise<Void> waiter = subscribing.remove(ack.messageId());
    if (waiter == null) {
      return;
    }
    // 0x80 in place of a granted QoS is the broker's refusal of that topic.
    if (ack.grantedQoSLevels().contains(0x80)) {
      waiter.fail("the broker refused a subscription");
    } else {
      waiter.complete();
    }
  }

  /** Publishes at QoS 1, now or when the window has room; nothing when not connected. */
  void publish(String topic, Buffer payload, boolean retain) {
    if (!connected) {
      return;
    }
    if (inflight >= WINDOW || !waiting.isEmpty()) {
      waiting.remove(topic);
      waiting.put(topic, new Outgoing(topic, payload, retain));
      return;
    }
    send(new Outgoing(topic, payload, retain));
  }

  private void send(Outgoing message) {
    MqttClient current = client;
    inflight++;
    current.publish(message.topic, message.payload, MqttQoS.AT_LEAST_ONCE, false, message.retain)
        .onFailure(e -> {
          LOG.debug("MQTT publish on {} failed: {}", message.topic, e.getMessage());
          acknowledged(current);
        });
  }

  private void acknowledged(MqttClient which) {
    if (which != client || !connected) {
      return;
    }
    inflight = Math.max(0, inflight - 1);
    Iterator<Outgoing> next = waiting.values().iterator();
    while (inflight < WINDOW && next.hasNext()) {
      Outgoing message = next.next();
      next.remove();
      send(message);
    }
  }

  /** Publishes {@code lastWords} on the availability topic, then disconnects and stops reconnecting. */
  Future<Void> close(String lastWords) {
    stopped = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    MqttClient current = client;
    if (current == null || !connected) {
      return Future.succeededFuture();
    }
    connected = false;
    return current.publish(willTopic, Buffer.buffer(lastWords), MqttQoS.AT_MOST_ONCE, false, true)
        .transform(ar -> current.disconnect()).recover(e -> Future.succeededFuture());
  }

  private record Outgoing(String topic, Buffer payload, boolean retain) {
  }
}
