package io.harpou.bridge.vertx.mqtt.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Home Assistant discovery configurations for the hub, its satellites and alerts, in the abbreviated form Home
 * Assistant documents ({@code stat_t} for {@code state_topic}, {@code dev} for {@code device}, ...). Every entity has a
 * {@code unique_id}, belongs to a device, is available while Harpou's availability topic says {@code online}, and
 * uses QoS 1 for its states and commands.
 */
final class Entities {

  /** The text entity's longest value, as Home Assistant caps every state (255 characters). */
  static final int MAX_TEXT = 255;
  /** A satellite session's states, the options of its enum sensor. */
  static final List<String> SATELLITE_STATES = List.of("idle", "listening", "processing", "responding", "error",
      "disconnected");

  private final Topics topics;
  private final String version;
  private final String hubId;

  Entities(Topics topics, String version) {
    this.topics = topics;
    this.version = version;
    this.hubId = "harpou_" + topics.node();
  }

  /** Harpou's version, as the devices show it. */
  String version() {
    return version;
  }

  /** The hub's own entities; the agent's, the announcer's, the timers' and the tasks' only when those run. */
  List<Entity> hub(boolean agent, boolean announcer, boolean timers, boolean tasks, String currency) {
    JsonObject dev = new JsonObject().put("ids", new JsonArray().add(hubId)).put("name", "Harpou")
        .put("mf", "Harpou").put("mdl", "Harpou hub").put("sw", version);
    List<Entity> list = new ArrayList<>();
    list.add(sensor("hub_status", "Status", "hub/status", dev).put("dev_cla", "enum")
        .put("ops", new JsonArray().add("up").add("degraded").add("down")).put("ic", "mdi:heart-pulse")
        .put("json_attr_t", topics.of("hub/status/attributes")).wrap("sensor", "hub_status"));
    list.add(sensor("hub_version", "Version", "hub/version", dev).put("ent_cat", "diagnostic")
        .put("ic", "mdi:tag").wrap("sensor", "hub_version"));
    list.add(sensor("hub_active_turns", "Active turns", "hub/active_turns", dev).put("stat_cla", "measurement")
        .put("ic", "mdi:account-voice").wrap("sensor", "hub_active_turns"));
    list.add(binary("hub_problem", "Problem", "hub/problem", dev)
        .put("json_attr_t", topics.of("hub/problem/attributes")).wrap("binary_sensor", "hub_problem"));
    if (agent) {
      list.add(sensor("hub_model", "Model", "hub/model", dev).put("ent_cat", "diagnostic").put("ic", "mdi:brain")
          .wrap("sensor", "hub_model"));
      list.add(sensor("hub_tokens_today", "Tokens today", "hub/tokens_today", dev)
          .put("stat_cla", "total_increasing").put("unit_of_meas", "tokens").put("ic", "mdi:counter")
          .wrap("sensor", "hub_tokens_today"));
      list.add(sensor("hub_cost_month", "Cost this month", "hub/cost_month", dev).put("dev_cla", "monetary")
          .put("stat_cla", "total").put("unit_of_meas", currency).put("suggested_display_precision", 2)
          .wrap("sensor", "hub_cost_month"));
      list.add(text("conversation", "Conversation", "conversation", dev, 0)
          .put("json_attr_t", topics.of("conversation/attributes")).put("ic", "mdi:chat")
          .wrap("text", "conversation"));
    }
    if (announcer) {
      list.add(text("announce", "Announce everywhere", "announce", dev, 0).put("ic", "mdi:bullhorn")
          .wrap("text", "announce"));
    }
    if (timers) {
      list.add(sensor("timers_active", "Active timers", "timers/active", dev).put("stat_cla", "measurement")
          .put("ic", "mdi:timer-outline").wrap("sensor", "timers_active"));
      list.add(sensor("timers_next", "Next timer", "timers/next", dev).put("dev_cla", "timestamp")
          .wrap("sensor", "timers_next"));
      list.add(common("timers_cancel", "Cancel all timers", dev).put("cmd_t", topics.of("timers/cancel"))
          .put("pl_prs", "PRESS").put("ic", "mdi:timer-off").wrap("button", "timers_cancel"));
    }
    if (tasks) {
      list.add(sensor("tasks_running", "Running tasks", "tasks/running", dev).put("stat_cla", "measurement")
          .put("ic", "mdi:progress-clock").wrap("sensor", "tasks_running"));
      list.add(sensor("tasks_last_result", "Last task result", "tasks/last_result", dev)
          .put("json_attr_t", topics.of("tasks/last_result/attributes")).put("ic", "mdi:clipboard-check")
          .wrap("sensor", "tasks_last_result"));
    }
    return list;
  }

  /** A satellite's device and entities; the announce entity only when voice can announce. */
  List<Entity> satellite(String id, String room, boolean announcer) {
    String seg = Topics.segment(id);
    String base = "satellite/" + seg + "/";
    String name = room == null ? id : room;
    JsonObject dev = new JsonObject().put("ids", new JsonArray().add(hubId + "_sat_" + seg))
        .put("name", "Harpou satellite " + name).put("mf", "Harpou").put("mdl", "Wyoming satellite")
        .put("sw", version).put("via_device", hubId);
    if (room != null) {
      dev.put("sa", room);
    }
    String prefix = "sat_" + seg + "_";
    List<Entity> list = new ArrayList<>();
    list.add(sensor(prefix + "state", "State", base + "state", dev).put("dev_cla", "enum")
        .put("ops", new JsonArray(SATELLITE_STATES)).put("ic", "mdi:account-voice").wrap("sensor", prefix + "state"));
    list.add(sensor(prefix + "transcript", "Last transcript", base + "transcript", dev).put("ic", "mdi:text")
        .wrap("sensor", prefix + "transcript"));
    list.add(sensor(prefix + "room", "Room", base + "room", dev).put("ent_cat", "diagnostic")
        .put("ic", "mdi:floor-plan").wrap("sensor", prefix + "room"));
    list.add(toggle(prefix + "mute", "Mute", base + "mute", dev, "mdi:microphone-off"));
    list.add(toggle(prefix + "dnd", "Do not disturb", base + "dnd", dev, "mdi:bell-off"));
    list.add(common(prefix + "volume", "Volume", dev).put("cmd_t", topics.of(base + "volume/set"))
        .put("stat_t", topics.of(base + "volume")).put("min", 0).put("max", 100).put("step", 1)
        .put("mode", "slider").put("unit_of_meas", "%").put("ent_cat", "config").put("ic", "mdi:volume-high")
        .wrap("number", prefix + "volume"));
    if (announcer) {
      list.add(text(prefix + "announce", "Announce", base + "announce", dev, 0).put("ic", "mdi:bullhorn")
          .wrap("text", prefix + "announce"));
    }
    return list;
  }

  /** A monitor's alert as a problem sensor of the hub. */
  Entity alert(String key, String monitor) {
    String seg = Topics.segment(key);
    JsonObject dev = new JsonObject().put("ids", new JsonArray().add(hubId));
    return binary("alert_" + seg, "Alert " + (monitor == null ? key : monitor + " " + key), "alert/" + seg, dev)
        .put("json_attr_t", topics.of("alert/" + seg + "/attributes")).wrap("binary_sensor", "alert_" + seg);
  }

  /** The state topic of an alert. */
  String alertTopic(String key) {
    return topics.of("alert/" + Topics.segment(key));
  }

  private Config common(String objectId, String name, JsonObject dev) {
    return new Config(new JsonObject().put("name", name).put("uniq_id", topics.node() + "_" + objectId)
        .put("dev", dev).put("avty_t", topics.availability()).put("qos", 1)
        .put("o", new JsonObject().put("name", "Harpou").put("sw", version)));
  }

  private Config sensor(String objectId, String name, String state, JsonObject dev) {
    return common(objectId, name, dev).put("stat_t", topics.of(state));
  }

  private Config binary(String objectId, String name, String state, JsonObject dev) {
    return sensor(objectId, name, state, dev).put("dev_cla", "problem").put("pl_on", "ON").put("pl_off", "OFF");
  }

  private Config text(String objectId, String name, String base, JsonObject dev, int min) {
    return common(objectId, name, dev).put("cmd_t", topics.of(base + "/set")).put("stat_t", topics.of(base))
        .put("min", min).put("max", MAX_TEXT).put("mode", "text");
  }

  private Entity toggle(String objectId, String name, String base, JsonObject dev, String icon) {
    return common(objectId, name, dev).put("cmd_t", topics.of(base + "/set")).put("stat_t", topics.of(base))
        .put("pl_on", "ON").put("pl_off", "OFF").put("ent_cat", "config").put("ic", icon)
        .wrap("switch", objectId);
  }

  /** A configuration being built. */
  private record Config(JsonObject json) {

    Config put(String key, Object value) {
      json.put(key, value);
      return this;
    }

    Entity wrap(String component, String objectId) {
      return new Entity(component, objectId, json);
    }
  }
}
