package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.SatelliteStateChanged;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.api.voice.SatelliteControl;
import io.harpou.bridge.api.voice.SatelliteLines;
import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.vertx.voice.Satellite;
import io.harpou.bridge.vertx.voice.Satellites;
import io.harpou.bridge.vertx.voice.VoiceBackends;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What every voice connection shares: options, backends, the arbiter, the live sessions, the satellites view and the
 * household's settings of each satellite (mute, do not disturb, volume, kept until the hub stops). Sessions live on
 * voice's event loop; the view, the settings and {@link #announce} may be used from any thread.
 */
public final class VoiceRuntime implements Satellites, SatelliteControl {

  private final Vertx vertx;
  private final EventPublisher events;
  private final Context context;
  private final VoiceOptions options;
  private final VoiceBackends backends;
  private final Arbiter arbiter;
  private final Map<String, SatelliteSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Satellite> view = new ConcurrentHashMap<>();
  private final Map<String, SatelliteSettings> settings = new ConcurrentHashMap<>();

  /** Creates the runtime on the current context, which becomes voice's event loop. */
  public VoiceRuntime(Vertx vertx, VoiceOptions options, VoiceBackends backends) {
    this.vertx = vertx;
    this.events = new EventPublisher(vertx);
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.backends = backends;
    this.arbiter = new Arbiter(vertx, options.getArbitrationWindowMs());
    options.getSatellites().forEach(s -> listed(s.id(), s.room()));
  }

  /** Shows a satellite Harpou dials as disconnected until its session opens. */
  void listed(String id, String room) {
    view.putIfAbsent(id, new Satellite(id, room, State.DISCONNECTED, false, false));
  }

  /** Runs {@code action} on voice's event loop and completes with its outcome. */
  <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  Vertx vertx() {
    return vertx;
  }

  VoiceOptions options() {
    return options;
  }

  VoiceBackends backends() {
    return backends;
  }

  Arbiter arbiter() {
    return arbiter;
  }

  void register(SatelliteSession session) {
    SatelliteSession previous = sessions.put(session.id(), session);
    if (previous != null && previous != session) {
      previous.replaced();
    }
  }

  void unregister(SatelliteSession session) {
    sessions.remove(session.id(), session);
  }

  /** Records and publishes a satellite's state. */
  void stateChanged(String id, String room, State state, boolean connected, boolean dialedIn,
      String conversationId) {
    view.put(id, new Satellite(id, room, state, connected, dialedIn));
    publish(new SatelliteStateChanged(Instant.now(), id, room, state, conversationId));
  }

  /** Forgets a satellite that dialed in and left, or that Harpou no longer dials. */
  void forget(String id) {
    view.remove(id);
  }

  void publish(BridgeEvent event) {
    events.publish(event);
  }

  @Override
  public Optional<SatelliteSettings> settings(String satelliteId) {
    return view.containsKey(satelliteId)
        ? Optional.of(settings.getOrDefault(satelliteId, SatelliteSettings.DEFAULT)) : Optional.empty();
  }

  @Override
  public Future<SatelliteSettings> apply(String satelliteId, SatelliteSettings value) {
    if (!view.containsKey(satelliteId)) {
      return Future.failedFuture(new BridgeException("no satellite " + satelliteId));
    }
    settings.put(satelliteId, value);
    return Future.succeededFuture(value);
  }

  /** The settings of a satellite with a session: the defaults until the household changes them. */
  SatelliteSettings settingsOf(String satelliteId) {
    return settings.getOrDefault(satelliteId, SatelliteSettings.DEFAULT);
  }

  @Override
  public List<Satellite> list() {
    return view.values().stream().sorted(Comparator.comparing(Satellite::id)).toList();
  }

  /**
   * Speaks an announcement on the satellite of its room (matched by room name, ignoring case), passing over those
   * set to do not disturb.
   *
   * @return a Future that succeeds once the satellite has played it; fails with {@link BridgeException} when no
   *     connected satellite serves the room, every one there is set to do not disturb, or playback failed
   */
  public Future<Void> announce(Announcement announcement) {
    Promise<Void> promise = Promise.promise();
    context.runOnContext(v -> {
      String room = announcement.room().toLowerCase(Locale.ROOT);
      List<SatelliteSession> inRoom = sessions.values().stream()
          .filter(s -> s.room() != null && s.room().toLowerCase(Locale.ROOT).equals(room)).toList();
      SatelliteSession session = inRoom.stream().filter(s -> !settingsOf(s.id()).doNotDisturb())
          .min(Comparator.comparing(SatelliteSession::id)).orElse(null);
      if (session == null) {
        promise.fail(new BridgeException(inRoom.isEmpty() ? "no connected satellite in room " + announcement.room()
            : "every satellite in room " + announcement.room() + " is set to do not disturb"));
        return;
      }
      session.announce(announcement.text(), announcement.language()).onComplete(promise);
    });
    return promise.future();
  }

  /** Lines into the pipeline for microphones that reach Harpou another way (see {@link Lines}); any thread. */
  public SatelliteLines lines() {
    return new Lines(this, context);
  }

  /** The live session of a satellite, or null. */
  SatelliteSession session(String id) {
    return sessions.get(id);
  }

  /** Relays a timer change to the satellite that set the timer (see {@link TimerRelay}); any thread. */
  public void timerChanged(TimerChanged changed) {
    context.runOnContext(v -> TimerRelay.relay(this, changed));
  }

  /** Ends every session (voice is stopping); the Future completes once their connections are closed. */
  public Future<Void> closeAll() {
    return Future.join(List.copyOf(sessions.values()).stream().map(SatelliteSession::replaced).toList()).mapEmpty();
  }
}
