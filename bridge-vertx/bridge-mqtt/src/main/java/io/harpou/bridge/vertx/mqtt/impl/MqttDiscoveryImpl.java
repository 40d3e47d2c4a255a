package io.harpou.bridge.vertx.mqtt.impl;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.mqtt.MqttDiscovery;
import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.mqtt.MqttServices;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT discovery on one event loop: the broker link, the board of retained configurations and states, the feed of
 * events, and the commands. Every entity is on the board while the link connects and the token ledger and the audit
 * log open, so the whole discovery goes out the moment the broker accepts Harpou; commands and retained configurations
 * are listened to once the audit log is open. Home Assistant's birth
 * message ({@code online} on its status topic) publishes everything again, as Home Assistant asks of discovery
 * publishers.
 */
public final class MqttDiscoveryImpl extends VerticleBase implements MqttDiscovery, BrokerLink.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(MqttDiscoveryImpl.class);

  private final MqttOptions options;
  private final MqttServices services;
  private final String password;
  private final String version;
  private final Topics topics;
  private BrokerLink link;
  private Board board;
  private StateFeed feed;
  private Commands commands;
  private MessageConsumer<JsonObject> events;
  private volatile boolean connected;

  private MqttDiscoveryImpl(MqttOptions options, MqttServices services, String password, String version) {
    this.options = options;
    this.services = services;
    this.password = password;
    this.version = version;
    this.topics = new Topics(options.discoveryPrefix(), options.nodeId());
  }

  /** Reads the password file, then starts the link, the token ledger and the audit log on its own loop. */
  public static Future<MqttDiscovery> start(Vertx vertx, MqttOptions options, MqttServices services) {
    Future<String[]> files = vertx.executeBlocking(() -> new String[] {readPassword(options), readVersion()}, false);
    return files.compose(read -> {
      MqttDiscoveryImpl discovery = new MqttDiscoveryImpl(options, services, read[0], read[1]);
      return vertx.deployVerticle(discovery).map(id -> discovery);
    });
  }

  private static String readPassword(MqttOptions options) {
    if (options.passwordFile() == null) {
      return null;
    }
    try {
      return Files.readString(Path.of(options.passwordFile())).strip();
    } catch (IOException e) {
      throw new BridgeException("cannot read mqtt.password_file " + options.passwordFile() + ": " + e.getMessage(), e);
    }
  }

  private static String readVersion() {
    try (InputStream in = MqttDiscoveryImpl.class.getResourceAsStream("/io/harpou/bridge/vertx/mqtt/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public Future<?> start() {
    link = new BrokerLink(vertx, options, password, topics.availability(), this);
    board = new Board(link, topics);
    services.health().report(COMPONENT, "connecting", options.describe());
    // Connecting costs round trips (and a TLS handshake): they overlap building the entities and opening the tables.
    link.start();
    Future<UsageLedger> ledger = UsageLedger.open(services.database(), Clock.systemDefaultZone());
    Future<AuditLog> audit = services.auditLog();
    feed = new StateFeed(board, new Entities(topics, version), topics, services, options);
    feed.start();
    events = vertx.eventBus().localConsumer(BridgeAddresses.EVENTS, message -> feed.event(message.body()));
    return Future.all(ledger, audit, events.completion())
        .compose(opened -> {
          feed.ledger(ledger.result());
          commands = new Commands(topics, board, feed, services, options, audit.result());
          if (link.connected()) {
            subscribe();
          }
          return Future.succeededFuture();
        })
        .recover(e -> events.unregister().eventually(() -> link.close("offline"))
            .transform(closed -> Future.failedFuture(e)));
  }

  @Override
  public void linkUp() {
    board.publishAll();
    if (commands != null) {
      subscribe();
    }
  }

  /**
   * Listens to commands, Home Assistant's birth and the configurations under Harpou's node, once the board holds
   * every entity (a configuration seen before would otherwise be taken for one Harpou no longer publishes).
   */
  private void subscribe() {
    Map<String, Integer> subscriptions = new HashMap<>(commands.subscriptions());
    subscriptions.put(topics.birth(), 1);
    subscriptions.put(topics.configFilter(), 1);
    link.subscribe(subscriptions).onSuccess(v -> {
      connected = true;
      services.health().report(COMPONENT, "connected", describe());
    }).onFailure(e -> LOG.warn("MQTT subscription failed: {}", e.getMessage()));
  }

  @Override
  public void linkDown(String why, long retryMs) {
    connected = false;
    services.health().report(COMPONENT, "reconnecting", options.describe() + ": " + why + "; retrying in "
        + retryMs + " ms");
  }

  @Override
  public void message(MqttPublishMessage message) {
    String topic = message.topicName();
    LOG.debug("MQTT message on {} ({} bytes{})", topic, message.payload().length(), message.isRetain() ? ", retained" : "");
    if (topic.equals(topics.birth())) {
      if (message.payload().toString().equals("online")) {
        LOG.info("Home Assistant is online: publishing Harpou's entities again");
        board.publishAll();
      }
    } else if (topics.isConfig(topic)) {
      board.seen(topic, message.payload());
    } else if (topic.startsWith(topics.node() + "/")) {
      commands.handle(topic, message.payload(), message.isRetain());
    }
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public String describe() {
    return options.describe() + ", node " + options.nodeId() + ", " + (board == null ? 0 : board.entities())
        + " entities";
  }

  @Override
  public Future<Void> close() {
    return vertx.deploymentIDs().contains(deploymentID()) ? vertx.undeploy(deploymentID()) : Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    Future<Void> unregistered = events == null ? Future.succeededFuture() : events.unregister();
    return unregistered.eventually(() -> link.close("offline"));
  }
}
