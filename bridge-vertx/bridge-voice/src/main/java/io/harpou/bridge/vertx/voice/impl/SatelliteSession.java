package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingException;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.SatelliteStatus;
import io.harpou.wyoming.message.Vad;
import io.harpou.wyoming.message.Wake;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice session of one satellite: IDLE, then LISTENING after a wake word, PROCESSING once speech ended, RESPONDING
 * while the answer plays, and back to IDLE (through ERROR when something failed). Works the same whether Harpou
 * connected to the satellite or the satellite dialed in. Runs on voice's event loop.
 */
final class SatelliteSession {

  private static final Logger LOG = LoggerFactory.getLogger(SatelliteSession.class);

  private final VoiceRuntime runtime;
  private final String id;
  private final boolean dialedIn;
  private final boolean timers;
  private final WyomingConnection connection;
  private final Deque<Runnable> whenIdle = new ArrayDeque<>();
  private String room;
  private State state = State.IDLE;
  private boolean closed;
  private Capture capture;
  private long utteranceTimer = -1;
  private PipelineStage endStage = PipelineStage.TTS;
  private String conversationId;
  // The wake word the satellite detected for the turn being heard, which may call an agent profile; null otherwise.
  private String wakeWord;
  // Bumped at every wake and on close, so late callbacks of an abandoned turn do nothing.
  private long generation;
  private Promise<Void> played;
  private long playedTimer = -1;

  SatelliteSession(VoiceRuntime runtime, String id, String room, WyomingConnection connection, boolean dialedIn,
                   boolean timers) {
    this.runtime = runtime;
    this.id = id;
    this.room = room;
    this.connection = connection;
    this.dialedIn = dialedIn;
    this.timers = timers;
  }

  String id() {
    return id;
  }

  String room() {
    return room;
  }

  /**
   * The network address of a satellite that dialed in, which nothing authenticates; null for a satellite Harpou
   * dials from its configuration.
   */
  String peer() {
    return dialedIn ? connection.remoteAddress().hostAddress() : null;
  }

  State state() {
    return state;
  }

  /** True when the satellite gets Wyoming timer events for the timers set through it. */
  boolean timersSupported() {
    return timers;
  }

  WyomingConnection connection() {
    return connection;
  }

  VoiceOptions options() {
    return runtime.options();
  }

  VoiceRuntime runtime() {
    return runtime;
  }

  PipelineStage endStage() {
    return endStage;
  }

  String conversationId() {
    return conversationId;
  }

  /** The wake word detected for the current turn, or null when the turn began otherwise. */
  String wakeWord() {
    return wakeWord;
  }

  /** Bytes of microphone audio held for the utterance being heard. */
  int bufferedAudioBytes() {
    Capture current = capture;
    return current == null ? 0 : current.audio().length();
  }

  void conversationId(String id) {
    this.conversationId = id;
  }

  /** Announces the session: registers it and publishes IDLE. */
  void open() {
    runtime.register(this);
    setState(State.IDLE);
  }

  /** Handles one event from the satellite. */
  void handle(WyomingEvent event) {
    if (closed) {
      return;
    }
    try {
      dispatch(event);
    } catch (WyomingException | IllegalArgumentException | BridgeException e) {
      LOG.debug("Satellite {} sent a bad {}: {}", id, event.type(), e.getMessage());
      send(new Control.ErrorMessage(event.type() + ": " + e.getMessage(), ErrorCodes.BAD_REQUEST));
    }
  }

  private void dispatch(WyomingEvent event) {
    switch (event.type()) {
      case Control.Ping.TYPE -> send(new Control.Pong(Control.Ping.fromEvent(event).text()));
      case Info.TYPE -> adoptArea(Info.fromEvent(event));
      case Wake.Detection.TYPE -> detected(Wake.Detection.fromEvent(event).name());
      case RunPipeline.TYPE -> runPipeline(RunPipeline.fromEvent(event));
      case Audio.AudioChunk.TYPE -> audio(Audio.AudioChunk.fromEvent(event));
      case Audio.AudioStop.TYPE, Vad.VoiceStopped.TYPE -> {
        if (capture != null) {
          endOfSpeech();
        }
      }
      case Asr.Transcript.TYPE -> textBypass(Asr.Transcript.fromEvent(event).text());
      case SatelliteStatus.Played.TYPE -> {
        if (played != null) {
          played.tryComplete();
        }
      }
      case Control.ErrorMessage.TYPE -> LOG.info("Satellite {} reported: {}", id, event.data().getString("text"));
      default -> LOG.trace("Satellite {}: {} ignored", id, event.type());
    }
  }

  private void adoptArea(Info info) {
    if (room == null && info.satellite() != null && info.satellite().area() != null) {
      room = info.satellite().area();
      setState(state);
    }
  }

  private void runPipeline(RunPipeline run) {
    endStage = run.endStage();
    switch (run.startStage()) {
      case WAKE -> send(new Control.ErrorMessage("Harpou runs no wake word engine; detect the wake word on the"
          + " satellite", ErrorCodes.WAKE_UNSUPPORTED));
      case ASR -> {
        if (state == State.IDLE) {
          wakeWord = null;
          wake();
        }
      }
      case TTS -> {
        if (run.announceText() != null && state == State.IDLE) {
          announce(run.announceText(), options().getLanguage());
        }
      }
      default -> send(new Control.ErrorMessage("a pipeline must start with asr", ErrorCodes.BAD_REQUEST));
    }
  }

  /**
   * A wake word detected on the satellite, before or after its run-pipeline: it names the wake word of the turn being
   * heard, and starts one when the session is idle.
   */
  private void detected(String name) {
    wake();
    if (state == State.LISTENING) {
      wakeWord = name;
    }
  }

  /** A wake word: start listening and join the arbitration, unless the household muted this satellite. */
  private void wake() {
    if (state != State.IDLE) {
      return;
    }
    if (runtime.settingsOf(id).muted()) {
      send(new Control.ErrorMessage("this satellite is muted", ErrorCodes.MUTED));
      return;
    }
    long turn = ++generation;
    Capture current = new Capture(options());
    capture = current;
    setState(State.LISTENING);
    send(new Asr.Transcribe(null, options().getLanguage(), null, null));
    long limit = options().getMaxUtteranceMs() + options().getLivenessTimeoutMs();
    utteranceTimer = runtime.vertx().setTimer(limit, t -> {
      utteranceTimer = -1;
      if (capture == current) {
        endOfSpeech();
      }
    });
    runtime.arbiter().claim(this, current::energy).onSuccess(won -> {
      if (turn != generation || capture != current) {
        return;
      }
      if (!won) {
        capture = null;
        cancelUtteranceTimer();
        send(new Control.ErrorMessage("another satellite heard you better", ErrorCodes.DUPLICATE_WAKE));
        setState(State.IDLE);
        return;
      }
      current.arbitrated = true;
      if (current.ended) {
        finishCapture(current);
      }
    });
  }

  private void audio(Audio.AudioChunk chunk) {
    Capture current = capture;
    if (current == null || current.ended) {
      return;
    }
    switch (current.add(chunk)) {
      case SPEECH_STARTED -> send(new Vad.VoiceStarted(current.audioMs()));
      case SPEECH_ENDED, TOO_LONG -> endOfSpeech();
      case NO_SPEECH -> {
        current.noSpeech = true;
        endOfSpeech();
      }
      default -> {
      }
    }
  }

  private void endOfSpeech() {
    Capture current = capture;
    if (current == null || current.ended) {
      return;
    }
    current.ended = true;
    cancelUtteranceTimer();
    send(new Vad.VoiceStopped(current.audioMs()));
    if (current.arbitrated) {
      finishCapture(current);
    }
  }

  private void finishCapture(Capture current) {
    capture = null;
    setState(State.PROCESSING);
    if (current.noSpeech || current.audio().length() == 0) {
      fail(generation, ErrorCodes.NO_TEXT, "no speech was heard");
      return;
    }
    new SatelliteTurn(this, generation).transcribe(current.audio());
  }

  private void textBypass(String text) {
    if (state != State.IDLE && state != State.LISTENING) {
      return;
    }
    if (text == null || text.isBlank() || runtime.settingsOf(id).muted()) {
      return;
    }
    long turn = ++generation;
    if (capture != null) {
      runtime.arbiter().withdraw(this);
      capture = null;
      cancelUtteranceTimer();
    }
    setState(State.PROCESSING);
    new SatelliteTurn(this, turn).respond(text.strip());
  }

  /** Speaks an announcement once the session is idle; succeeds when the satellite has played it. */
  Future<Void> announce(String text, String language) {
    if (closed) {
      return Future.failedFuture(new BridgeException("satellite " + id + " is not connected"));
    }
    if (state != State.IDLE) {
      Promise<Void> later = Promise.promise();
      whenIdle.add(() -> announce(text, language).onComplete(later));
      return later.future();
    }
    long turn = ++generation;
    setState(State.RESPONDING);
    return new SatelliteTurn(this, turn).speak(text, language, false);
  }

  /** Waits for {@code played}, or the audio's duration plus the grace period, whichever comes first. */
  Future<Void> awaitPlayed(long audioMillis) {
    Promise<Void> promise = Promise.promise();
    played = promise;
    playedTimer = runtime.vertx().setTimer(audioMillis + options().getPlayedGraceMs(), t -> {
      playedTimer = -1;
      promise.tryComplete();
    });
    return promise.future().onComplete(ar -> {
      if (playedTimer >= 0) {
        runtime.vertx().cancelTimer(playedTimer);
        playedTimer = -1;
      }
      played = null;
    });
  }

  boolean current(long turn) {
    return !closed && turn == generation;
  }

  /** Ends a turn: back to IDLE. */
  void finish(long turn) {
    if (current(turn)) {
      setState(State.IDLE);
    }
  }

  /** Ends a turn with an {@code error} event, ERROR, then IDLE. */
  void fail(long turn, String code, String text) {
    if (!current(turn)) {
      return;
    }
    LOG.info("Satellite {} turn failed ({}): {}", id, code, text);
    send(new Control.ErrorMessage(text, code));
    setState(State.ERROR);
    setState(State.IDLE);
  }

  void send(io.harpou.wyoming.WyomingMessage message) {
    if (!closed) {
      connection.write(message).onFailure(e -> LOG.debug("Satellite {}: write failed: {}", id, e.getMessage()));
    }
  }

  void setState(State next) {
    state = next;
    if (next == State.IDLE) {
      wakeWord = null;
    }
    runtime.stateChanged(id, room, closed ? State.DISCONNECTED : next, !closed, dialedIn, conversationId);
    if (next == State.IDLE && !closed) {
      Runnable task = whenIdle.poll();
      if (task != null) {
        task.run();
      }
    }
  }

  private void cancelUtteranceTimer() {
    if (utteranceTimer >= 0) {
      runtime.vertx().cancelTimer(utteranceTimer);
      utteranceTimer = -1;
    }
  }

  /** The connection dropped: abandon the turn, fail pending announcements, report DISCONNECTED. */
  void closed() {
    if (closed) {
      return;
    }
    closed = true;
    generation++;
    capture = null;
    cancelUtteranceTimer();
    runtime.arbiter().withdraw(this);
    runtime.unregister(this);
    if (played != null) {
      played.tryFail(new BridgeException("satellite " + id + " disconnected"));
    }
    // Each waiting announcement re-runs, sees the session closed and fails.
    List.copyOf(whenIdle).forEach(Runnable::run);
    whenIdle.clear();
    state = State.DISCONNECTED;
    runtime.stateChanged(id, room, State.DISCONNECTED, false, dialedIn, null);
    if (dialedIn) {
      runtime.forget(id);
    }
    LOG.debug("Satellite {} session closed", id);
  }

  /**
   * Another connection took this satellite's place, or voice is stopping: close this one. The Future completes once
   * the connection is closed.
   */
  Future<Void> replaced() {
    Future<Void> closing = connection.close();
    closed();
    return closing;
  }
}
