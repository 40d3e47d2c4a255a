package io.harpou.bridge.vertx.mqtt.impl;

import io.harpou.bridge.api.event.AlertChanged;
import io.harpou.bridge.api.event.ComponentStateChanged;
import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.TaskDone;
import io.harpou.bridge.api.event.TaskProgress;
import io.harpou.bridge.api.event.TaskQueued;
import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.event.TokenUsage;
import io.harpou.bridge.api.event.TranscriptReceived;
import io.harpou.bridge.api.event.TurnStarted;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.mqtt.MqttSatellite;
import io.harpou.bridge.vertx.mqtt.MqttServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns Harpou's events into entity states on the {@link Board}: the hub's status, turns and tokens, each satellite's
 * session, transcript and settings, voice timers and tasks, and monitors' alerts. A satellite or an alert seen for the first time
 * becomes an entity then. Runs on the discovery's event loop. Everything is published before the token ledger has
 * opened, so the first discovery waits for no table; tokens counted meanwhile are added once it has.
 */
final class StateFeed {

  private static final int MAX_TRACKED = 1_000;

  private final Board board;
  private final Entities entities;
  private final Topics topics;
  private final MqttServices services;
  private final MqttOptions options;
  private UsageLedger ledger;
  private int pendingInput;
  private int pendingOutput;
  private final Set<String> activeTurns = new LinkedHashSet<>();
  private final Map<String, MqttSatellite> satellites = new LinkedHashMap<>();
  private final Map<String, JsonObject> openAlerts = new LinkedHashMap<>();
  private boolean tasksRefreshing;
  private boolean tasksStale;

  StateFeed(Board board, Entities entities, Topics topics, MqttServices services, MqttOptions options) {
    this.board = board;
    this.entities = entities;
    this.topics = topics;
    this.services = services;
    this.options = options;
  }

  /** The token ledger, once open: the tokens counted meanwhile go into it, and the token sensors get their states. */
  void ledger(UsageLedger opened) {
    ledger = opened;
    if (pendingInput > 0 || pendingOutput > 0) {
      ledger.add(pendingInput, pendingOutput);
    }
    tokens();
  }

  /** Publishes every entity known now and its state. */
  void start() {
    boolean agent = services.agent().isPresent();
    entities.hub(agent, services.announcer().isPresent(), services.timers().isPresent(), services.tasks().isPresent(),
            options.currency())
        .forEach(board::entity);
    board.state(topics.of("hub/version"), entities.version());
    services.model().ifPresent(model -> board.state(topics.of("hub/model"), Text.cap(model)));
    health();
    turns();
    tokens();
    problems();
    services.satellites().forEach(this::satellite);
    timers();
    refreshTasks();
  }

  /** The satellite whose topic segment is {@code segment}, if known. */
  MqttSatellite satelliteAt(String segment) {
    return satellites.get(segment);
  }

  /** Every room with a known satellite. */
  List<String> rooms() {
    return satellites.values().stream().map(MqttSatellite::room).filter(Objects::nonNull).distinct().toList();
  }

  /** Handles one event from the bus. */
  void event(JsonObject json) {
    String kind = json.getString("kind", "");
    switch (kind) {
      case ComponentStateChanged.KIND -> health();
      case TurnStarted.KIND -> {
        if (activeTurns.size() >= MAX_TRACKED) {
          Iterator<String> oldest = activeTurns.iterator();
          oldest.next();
          oldest.remove();
        }
        activeTurns.add(json.getString("turn_id", ""));
        turns();
      }
      case ReplySent.KIND -> {
        activeTurns.remove(json.getString("turn_id", ""));
        turns();
      }
      case TokenUsage.KIND -> {
        if (ledger == null) {
          pendingInput += json.getInteger("input_tokens", 0);
          pendingOutput += json.getInteger("output_tokens", 0);
        } else {
          ledger.add(json.getInteger("input_tokens", 0), json.getInteger("output_tokens", 0));
          tokens();
        }
      }
      case TaskQueued.KIND, TaskProgress.KIND -> refreshTasks();
      case TaskDone.KIND -> {
        taskDone(json.getJsonObject("task"));
        refreshTasks();
      }
      case SatelliteStateChanged.KIND -> satelliteState(json);
      case TranscriptReceived.KIND -> transcript(json);
      case TimerChanged.KIND -> timers();
      case AlertChanged.KIND -> alert(json);
      default -> {
      }
    }
  }

  private void health() {
    JsonObject health = services.health().toJson();
    board.state(topics.of("hub/status"), health.getString("status", "up"));
    board.state(topics.of("hub/status/attributes"), Payloads.text(new JsonObject()
        .put("problems", health.getJsonObject("problems", new JsonObject()))));
  }

  private void turns() {
    board.state(topics.of("hub/active_turns"), Integer.toString(activeTurns.size()));
  }

  private void tokens() {
    if (services.agent().isEmpty() || ledger == null) {
      return;
    }
    board.state(topics.of("hub/tokens_today"), Long.toString(ledger.tokensToday()));
    double cost = ledger.costThisMonth(options.inputPricePerMillion(), options.outputPricePerMillion());
    board.state(topics.of("hub/cost_month"), String.format(Locale.ROOT, "%.4f", cost));
  }

  /** Publishes a satellite's entities the first time it is seen, and its state. */
  void satellite(MqttSatellite satellite) {
    String seg = Topics.segment(satellite.id());
    MqttSatellite known = satellites.get(seg);
    String room = satellite.room() != null ? satellite.room() : known == null ? null : known.room();
    MqttSatellite now = new MqttSatellite(satellite.id(), room, satellite.state());
    satellites.put(seg, now);
    if (known == null || !Objects.equals(known.room(), room)) {
      entities.satellite(satellite.id(), room, services.announcer().isPresent()).forEach(board::entity);
    }
    String base = "satellite/" + seg + "/";
    board.state(topics.of(base + "state"), Entities.SATELLITE_STATES.contains(now.state()) ? now.state() : "None");
    board.state(topics.of(base + "room"), room == null ? "None" : Text.cap(room));
    if (known == null) {
      board.state(topics.of(base + "transcript"), "None");
    }
    settings(now.id(), services.satelliteControl().flatMap(c -> c.settings(now.id()))
        .orElse(SatelliteSettings.DEFAULT));
  }

  /** Publishes a satellite's mute, do-not-disturb and volume. */
  void settings(String id, SatelliteSettings settings) {
    String base = "satellite/" + Topics.segment(id) + "/";
    board.state(topics.of(base + "mute"), settings.muted() ? "ON" : "OFF");
    board.state(topics.of(base + "dnd"), settings.doNotDisturb() ? "ON" : "OFF");
    board.state(topics.of(base + "volume"), Integer.toString(settings.volume()));
  }

  private void satelliteState(JsonObject json) {
    String id = json.getString("satellite");
    String state = json.getString("state");
    if (id == null || state == null) {
      return;
    }
    satellite(new MqttSatellite(id, json.getString("room"), state));
  }

  private void transcript(JsonObject json) {
    String id = json.getString("satellite");
    String text = json.getString("text");
    if (id == null || text == null || !satellites.containsKey(Topics.segment(id))) {
      return;
    }
    board.state(topics.of("satellite/" + Topics.segment(id) + "/transcript"), Text.cap(text));
  }

  /**
   * A raised alert becomes a problem sensor that is on; once cleared, the sensor turns off and is removed, so the
   * household's Home Assistant keeps no alert that is over.
   */
  private void alert(JsonObject json) {
    String key = json.getString("key");
    if (key == null || key.isBlank()) {
      return;
    }
    boolean cleared = AlertChanged.State.CLEARED.jsonName().equals(json.getString("state"));
    Entity entity = entities.alert(key, json.getString("monitor"));
    String topic = entities.alertTopic(key);
    if (cleared) {
      if (board.has(entity.component(), entity.objectId())) {
        board.state(topic, "OFF");
        board.remove(entity, List.of(topic, topic + "/attributes"));
      }
      openAlerts.remove(key);
      problems();
      return;
    }
    if (!board.has(entity.component(), entity.objectId())) {
      board.entity(entity);
    }
    JsonObject attributes = new JsonObject().put("monitor", json.getString("monitor"))
        .put("severity", json.getString("severity")).put("state", json.getString("state"))
        .put("summary", json.getString("summary")).put("detail", json.getString("detail"));
    board.state(topic, "ON");
    board.state(topic + "/attributes", Payloads.text(attributes));
    if (openAlerts.containsKey(key) || openAlerts.size() < MAX_TRACKED) {
      openAlerts.put(key, attributes.put("key", key));
    }
    problems();
  }

  private void problems() {
    board.state(topics.of("hub/problem"), openAlerts.isEmpty() ? "OFF" : "ON");
    board.state(topics.of("hub/problem/attributes"), Payloads.text(new JsonObject()
        .put("alerts", new JsonArray(List.copyOf(openAlerts.values())))));
  }

  private void taskDone(JsonObject json) {
    if (json == null) {
      return;
    }
    TaskInfo task = TaskInfo.fromJson(json);
    if (task.dueAt() != null && task.status() == TaskStatus.DONE) {
      return;
    }
    board.state(topics.of("tasks/last_result"), TaskSentence.of(task));
    board.state(topics.of("tasks/last_result/attributes"), Payloads.text(new JsonObject().put("task_id", task.id())
        .put("title", task.title()).put("status", task.status().jsonName())
        .put("result", TaskSentence.result(task.result()))));
  }

  /** Counts the voice timers still to end (paused ones too) and shows when the first running one ends. */
  void timers() {
    if (services.timers().isEmpty()) {
      return;
    }
    List<Timer> timers = services.timers().get().list();
    OptionalLong soonest = timers.stream().filter(Timer::active).mapToLong(Timer::secondsLeft).min();
    board.state(topics.of("timers/active"), Integer.toString(timers.size()));
    board.state(topics.of("timers/next"),
        soonest.isPresent() ? Instant.now().plusSeconds(soonest.getAsLong()).toString() : "None");
  }

  /** Counts running tasks again; one listing at a time, and one more if events came meanwhile. */
  void refreshTasks() {
    if (services.tasks().isEmpty()) {
      return;
    }
    if (tasksRefreshing) {
      tasksStale = true;
      return;
    }
    tasksRefreshing = true;
    services.tasks().get().list().onComplete(ar -> {
      tasksRefreshing = false;
      if (ar.succeeded()) {
        board.state(topics.of("tasks/running"),
            Long.toString(ar.result().stream().filter(t -> t.status() == TaskStatus.RUNNING).count()));
      }
      if (!board.hasState(topics.of("tasks/last_result"))) {
        board.state(topics.of("tasks/last_result"), "None");
      }
      if (tasksStale) {
        tasksStale = false;
        refreshTasks();
      }
    });
  }
}
