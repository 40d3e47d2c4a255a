package io.harpou.bridge.vertx.mqtt;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.task.TaskInfo;
import io.harpou.bridge.api.task.TaskRequest;
import io.harpou.bridge.api.task.TaskService;
import io.harpou.bridge.api.task.TaskStatus;
import io.harpou.bridge.api.timer.TimerLength;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SatelliteControl;
import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.vertx.task.VoiceTimers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The parts MQTT discovery drives, as a household would notice them: what the agent was asked, what was announced
 * where, each satellite's settings, and the voice timers (the hub's own, on this Vert.x).
 */
final class Household implements Agent, Announcer, SatelliteControl, TaskService {

  final List<Utterance> asked = new CopyOnWriteArrayList<>();
  final List<Announcement> announced = new CopyOnWriteArrayList<>();
  final Map<String, SatelliteSettings> settings = new ConcurrentHashMap<>();
  final Map<String, TaskInfo> tasks = new ConcurrentHashMap<>();
  final List<MqttSatellite> satellites = new CopyOnWriteArrayList<>();
  final VoiceTimers timers;
  private final Vertx vertx;
  volatile long replyDelayMs;

  Household(Vertx vertx) {
    this.vertx = vertx;
    this.timers = VoiceTimers.create(vertx, Optional::empty);
  }

  Household satellite(String id, String room) {
    satellites.add(new MqttSatellite(id, room, "idle"));
    settings.put(id, SatelliteSettings.DEFAULT);
    return this;
  }

  Household timer(String name, int minutes) {
    timers.start(new TimerLength(null, minutes, null), name, null, Utterance.of("set a " + name + " timer"));
    return this;
  }

  MqttServices services(MqttServices base) {
    return base.withAgent(this, "ollama qwen3:8b").withAnnouncer(this).withTasks(this)
        .withTimers(timers)
        .withSatellites(() -> List.copyOf(satellites), this);
  }

  @Override
  public Future<Reply> ask(Utterance utterance, ChatHistory history) {
    asked.add(utterance);
    Promise<Reply> reply = Promise.promise();
    Reply answer = Reply.answer("You said: " + utterance.text(), utterance.conversationId());
    if (replyDelayMs > 0) {
      vertx.setTimer(replyDelayMs, t -> reply.complete(answer));
    } else {
      reply.complete(answer);
    }
    return reply.future();
  }

  @Override
  public Future<Void> announce(Announcement announcement) {
    announced.add(announcement);
    return Future.succeededFuture();
  }

  @Override
  public Optional<SatelliteSettings> settings(String satelliteId) {
    return Optional.ofNullable(settings.get(satelliteId));
  }

  @Override
  public Future<SatelliteSettings> apply(String satelliteId, SatelliteSettings value) {
    if (!settings.containsKey(satelliteId)) {
      return Future.failedFuture(new BridgeException("no satellite " + satelliteId));
    }
    settings.put(satelliteId, value);
    return Future.succeededFuture(value);
  }

  @Override
  public Future<TaskInfo> submit(TaskRequest request) {
    return Future.failedFuture("not used");
  }

  @Override
  public Future<List<TaskInfo>> list() {
    return Future.succeededFuture(new ArrayList<>(tasks.values()));
  }

  @Override
  public Future<Optional<TaskInfo>> get(String id) {
    return Future.succeededFuture(Optional.ofNullable(tasks.get(id)));
  }

  @Override
  public Future<Boolean> cancel(String id) {
    TaskInfo task = tasks.get(id);
    if (task == null || task.status().isFinal()) {
      return Future.succeededFuture(false);
    }
    tasks.put(id, task.with(TaskStatus.CANCELLED, task.progress(), null));
    return Future.succeededFuture(true);
  }
}
