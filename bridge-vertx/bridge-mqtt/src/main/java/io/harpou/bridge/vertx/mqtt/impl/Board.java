package io.harpou.bridge.vertx.mqtt.impl;

import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Harpou wants the broker to hold: every entity's configuration and every state, retained. A state is sent only
 * when it changes; everything is sent again on each connection and each birth of Home Assistant. Configurations under
 * Harpou's node that Harpou does not publish (entities that no longer exist, or someone else's) are emptied, and one
 * of Harpou's own that someone overwrote is put back, each at most once a minute per topic, so two publishers never
 * flood the broker fighting over a topic.
 */
final class Board {

  private static final Logger LOG = LoggerFactory.getLogger(Board.class);
  private static final long CORRECTION_INTERVAL_NANOS = 60_000_000_000L;
  private static final int MAX_CORRECTIONS_TRACKED = 4_096;

  private final BrokerLink link;
  private final Topics topics;
  private final Map<String, Buffer> configs = new LinkedHashMap<>();
  private final Map<String, String> states = new LinkedHashMap<>();
  private final Map<String, Long> corrected = new HashMap<>();

  Board(BrokerLink link, Topics topics) {
    this.link = link;
    this.topics = topics;
  }

  /** Adds or replaces an entity and publishes its configuration. */
  void entity(Entity entity) {
    String topic = topics.config(entity.component(), entity.objectId());
    Buffer payload = Payloads.buffer(entity.config());
    Buffer previous = configs.put(topic, payload);
    if (!payload.equals(previous)) {
      link.publish(topic, payload, true);
    }
  }

  /**
   * Removes an entity and the states it showed: their retained messages are emptied on the broker, so Home Assistant
   * deletes the entity and a client subscribing later finds nothing of it.
   */
  void remove(Entity entity, List<String> stateTopics) {
    String topic = topics.config(entity.component(), entity.objectId());
    if (configs.remove(topic) != null) {
      link.publish(topic, Buffer.buffer(), true);
    }
    for (String state : stateTopics) {
      if (states.remove(state) != null) {
        link.publish(state, Buffer.buffer(), true);
      }
    }
  }

  /** True when the board holds this entity. */
  boolean has(String component, String objectId) {
    return configs.containsKey(topics.config(component, objectId));
  }

  /** Sets a state and publishes it when it changed. */
  void state(String topic, String value) {
    String previous = states.put(topic, value);
    if (!value.equals(previous)) {
      link.publish(topic, Buffer.buffer(value), true);
    }
  }

  /** True when a state has been set on {@code topic}. */
  boolean hasState(String topic) {
    return states.containsKey(topic);
  }

  /** Sends Harpou's availability, every configuration, then every state. */
  void publishAll() {
    link.publish(topics.availability(), Buffer.buffer("online"), true);
    configs.forEach((topic, payload) -> link.publish(topic, payload, true));
    states.forEach((topic, value) -> link.publish(topic, Buffer.buffer(value), true));
  }

  /** Number of entities published. */
  int entities() {
    return configs.size();
  }

  /** A configuration seen on the broker under Harpou's node: empties it or puts Harpou's back when they differ. */
  void seen(String topic, Buffer payload) {
    Buffer ours = configs.get(topic);
    if (ours == null ? payload.length() == 0 : ours.equals(payload)) {
      return;
    }
    long now = System.nanoTime();
    Long last = corrected.get(topic);
    if (last != null && now - last < CORRECTION_INTERVAL_NANOS) {
      return;
    }
    if (corrected.size() >= MAX_CORRECTIONS_TRACKED) {
      corrected.clear();
    }
    corrected.put(topic, now);
    if (ours == null) {
      LOG.info("Removing the discovery configuration {}: Harpou publishes no such entity", topic);
      link.publish(topic, Buffer.buffer(), true);
    } else {
      LOG.warn("The discovery configuration {} was overwritten by another client; publishing Harpou's again", topic);
      link.publish(topic, ours, true);
    }
  }
}
