package io.harpou.bridge.vertx.mqtt.impl;

import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.timer.Timer;
import io.harpou.bridge.api.timer.TimerService;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.api.voice.SatelliteControl;
import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.mqtt.MqttOptions;
import io.harpou.bridge.vertx.mqtt.MqttSatellite;
import io.harpou.bridge.vertx.mqtt.MqttServices;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what Home Assistant sends: a sentence for the conversation (one turn at a time, a few waiting, the
 * reply on the entity's state), announcements, a satellite's mute, do-not-disturb and volume, and cancelling every
 * timer. A payload that is not exactly what the entity sends is ignored. Every action is written to the audit log on
 * the {@code mqtt} channel; conversation turns are audited by the agent's policy, which refuses protected actions on
 * that channel by default.
 */
final class Commands {

  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
  private static final Pattern VOLUME = Pattern.compile("\\d{1,3}(\\.\\d{1,6})?");
  /** Sentences waiting while a conversation turn runs; more are dropped. */
  static final int MAX_WAITING_TURNS = 3;

  private final Topics topics;
  private final Board board;
  private final StateFeed feed;
  private final MqttServices services;
  private final MqttOptions options;
  private final AuditLog audit;
  private final CommandDoor door;
  private final Deque<String> waitingTurns = new ArrayDeque<>();
  private boolean turnRunning;
  private String conversationId;

  Commands(Topics topics, Board board, StateFeed feed, MqttServices services, MqttOptions options, AuditLog audit) {
    this.topics = topics;
    this.board = board;
    this.feed = feed;
    this.services = services;
    this.options = options;
    this.audit = audit;
    this.door = new CommandDoor(options.commandsPerMinute());
  }

  /** The topics to subscribe to, at QoS 1. */
  Map<String, Integer> subscriptions() {
    return Map.of(topics.of("conversation/set"), 1, topics.of("announce/set"), 1, topics.of("timers/cancel"), 1,
        topics.of("satellite/+/+/set"), 1);
  }

  /** How many commands the door refused. */
  long refused() {
    return door.refused();
  }

  /** Handles a message on a command topic. */
  void handle(String topic, io.vertx.core.buffer.Buffer payload, boolean retained) {
    door.admit(topic, payload, retained).ifPresent(text -> route(topic, text));
  }

  private void route(String topic, String text) {
    String path = topic.substring(topics.node().length() + 1);
    String[] parts = path.split("/", -1);
    if (path.equals("conversation/set")) {
      converse(text);
    } else if (path.equals("announce/set")) {
      announceEverywhere(text);
    } else if (path.equals("timers/cancel")) {
      if (text.equals("PRESS")) {
        cancelTimers();
      }
    } else if (parts.length == 4 && parts[0].equals("satellite") && parts[3].equals("set")) {
      MqttSatellite satellite = feed.satelliteAt(parts[1]);
      if (satellite == null) {
        LOG.debug("MQTT command for unknown satellite segment {}", parts[1]);
        return;
      }
      switch (parts[2]) {
        case "mute" -> onOff(text).ifPresent(on -> change(satellite, "mute", on, s -> s.withMuted(on)));
        case "dnd" -> onOff(text).ifPresent(on -> change(satellite, "do_not_disturb", on,
            s -> s.withDoNotDisturb(on)));
        case "volume" -> volume(text).ifPresent(v -> change(satellite, "volume", v, s -> s.withVolume(v)));
        case "announce" -> announce(satellite, text);
        default -> {
        }
      }
    }
  }

  private static java.util.Optional<Boolean> onOff(String text) {
    return text.equals("ON") ? java.util.Optional.of(true)
        : text.equals("OFF") ? java.util.Optional.of(false) : java.util.Optional.empty();
  }

  private static java.util.Optional<Integer> volume(String text) {
    if (!VOLUME.matcher(text).matches()) {
      return java.util.Optional.empty();
    }
    double value = Double.parseDouble(text);
    return value > 100 ? java.util.Optional.empty() : java.util.Optional.of((int) Math.round(value));
  }

  private void change(MqttSatellite satellite, String setting, Object value,
                      UnaryOperator<SatelliteSettings> edit) {
    SatelliteControl control = services.satelliteControl().orElse(null);
    if (control == null) {
      return;
    }
    SatelliteSettings current = control.settings(satellite.id()).orElse(SatelliteSettings.DEFAULT);
    long started = System.nanoTime();
    control.apply(satellite.id(), edit.apply(current)).onComplete(ar -> {
      if (ar.succeeded()) {
        feed.settings(satellite.id(), ar.result());
      }
      record("satellite_" + setting, satellite.room(), new JsonObject().put("satellite", satellite.id())
          .put(setting, value), ar.succeeded() ? "ok" : "error", started, ar.failed() ? ar.cause().getMessage()
          : null);
    });
  }

  private void announce(MqttSatellite satellite, String text) {
    if (text.isBlank() || satellite.room() == null || services.announcer().isEmpty()) {
      return;
    }
    board.state(topics.of("satellite/" + Topics.segment(satellite.id()) + "/announce"), text);
    speak(List.of(satellite.room()), text);
  }

  private void announceEverywhere(String text) {
    if (text.isBlank() || services.announcer().isEmpty()) {
      return;
    }
    board.state(topics.of("announce"), text);
    speak(feed.rooms(), text);
  }

  private void speak(List<String> rooms, String text) {
    for (String room : rooms) {
      long started = System.nanoTime();
      services.announcer().get().announce(new Announcement(room, text, options.language())).onComplete(ar ->
          record("announce", room, new JsonObject().put("room", room).put("text", text),
              ar.succeeded() ? "ok" : "error", started, ar.failed() ? ar.cause().getMessage() : null));
    }
  }

  private void cancelTimers() {
    if (services.timers().isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    TimerService timers = services.timers().get();
    // Each cancellation is a timer_changed event, which the satellite that set the timer and the feed follow.
    int cancelled = 0;
    for (Timer timer : timers.list()) {
      cancelled += timers.cancel(timer.id()).isPresent() ? 1 : 0;
    }
    record("cancel_all_timers", null, new JsonObject().put("cancelled", cancelled), "ok", started, null);
  }

  private void converse(String text) {
    if (text.isBlank() || services.agent().isEmpty()) {
      return;
    }
    if (turnRunning) {
      if (waitingTurns.size() >= MAX_WAITING_TURNS) {
        LOG.warn("Dropped a sentence from Home Assistant's conversation entity: {} are already waiting",
            MAX_WAITING_TURNS);
        return;
      }
      waitingTurns.add(text);
      return;
    }
    turnRunning = true;
    Utterance utterance;
    try {
      utterance = new Utterance(text, options.language(), conversationId, Channel.MQTT, null, null, null);
    } catch (IllegalArgumentException e) {
      turnRunning = false;
      return;
    }
    services.agent().get().ask(utterance).onComplete(ar -> {
      if (ar.succeeded()) {
        Reply reply = ar.result();
        conversationId = reply.continueConversation() ? reply.conversationId() : null;
        board.state(topics.of("conversation/attributes"), Payloads.text(new JsonObject().put("sentence", text)
            .put("reply", reply.speech()).put("type", reply.type().jsonName())
            .put("conversation_id", reply.conversationId())));
        board.state(topics.of("conversation"), Text.cap(reply.speech()));
      } else {
        LOG.warn("The conversation entity's sentence failed: {}", ar.cause().getMessage());
      }
      turnRunning = false;
      String next = waitingTurns.poll();
      if (next != null) {
        converse(next);
      }
    });
  }

  private void record(String tool, String room, JsonObject arguments, String outcome, long startedNanos,
                      String detail) {
    audit.record(new AuditEntry(Instant.now(), null, Channel.MQTT.jsonName(), room, null, "mqtt_" + tool,
        arguments, "act", outcome, (System.nanoTime() - startedNanos) / 1_000_000, detail))
        .onFailure(e -> LOG.warn("Could not audit an MQTT command: {}", e.getMessage()));
  }
}
