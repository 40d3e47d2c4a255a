package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.Ids;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.voice.Sentences;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.WyomingEvent;
import io.harpou.wyoming.WyomingException;
import io.harpou.wyoming.WyomingMessage;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Handle;
import io.harpou.wyoming.message.Intents;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.Tts;
import io.harpou.wyoming.message.Wake;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to Harpou's Wyoming server, as Home Assistant uses it: {@code describe}, speech to text, text to
 * speech (plain and streaming) and conversation turns, one operation after another. A peer that sends
 * {@code detection} or {@code run-pipeline} is a satellite dialing in, and the connection becomes its session.
 * Failures are answered with {@code error} events; a bad message never closes the connection.
 */
public final class ServiceConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceConnection.class);

  private final VoiceRuntime runtime;
  private final WyomingConnection connection;
  private SpeechRequest speech;
  private StreamingSynthesis streaming;
  private SatelliteSession session;
  private long pingTimer = -1;

  /** Serves {@code connection}. */
  public ServiceConnection(VoiceRuntime runtime, WyomingConnection connection) {
    this.runtime = runtime;
    this.connection = connection;
    connection.handler(this::handle);
    connection.exceptionHandler(e -> LOG.debug("Wyoming peer {}: {}", connection.remoteAddress(), e.getMessage()));
    connection.closeHandler(v -> {
      if (pingTimer >= 0) {
        runtime.vertx().cancelTimer(pingTimer);
      }
      if (session != null) {
        session.closed();
      }
    });
  }

  /** Bytes of audio this connection holds for speech to text, for a request or a satellite's utterance. */
  int bufferedAudioBytes() {
    if (session != null) {
      return session.bufferedAudioBytes();
    }
    return speech == null ? 0 : speech.bufferedBytes();
  }

  private void handle(WyomingEvent event) {
    if (session != null) {
      session.handle(event);
      return;
    }
    try {
      dispatch(event);
    } catch (WyomingException | IllegalArgumentException | BridgeException e) {
      LOG.debug("Bad {} from {}: {}", event.type(), connection.remoteAddress(), e.getMessage());
      send(new Control.ErrorMessage(event.type() + ": " + e.getMessage(), ErrorCodes.BAD_REQUEST));
    }
  }

  private void dispatch(WyomingEvent event) {
    switch (event.type()) {
      case Control.Describe.TYPE -> send(ServiceInfo.build(runtime.options(), runtime.backends()));
      case Control.Ping.TYPE -> send(new Control.Pong(Control.Ping.fromEvent(event).text()));
      case Asr.Transcribe.TYPE -> speech = new SpeechRequest(language(Asr.Transcribe.fromEvent(event).language()));
      case Audio.AudioStart.TYPE -> speech().start(Audio.AudioStart.fromEvent(event));
      case Audio.AudioChunk.TYPE -> speech().add(Audio.AudioChunk.fromEvent(event));
      case Audio.AudioStop.TYPE -> transcribe();
      case Tts.Synthesize.TYPE -> {
        // Inside a stream the full text is a copy for old servers: ignore it.
        if (streaming == null) {
          synthesize(Tts.Synthesize.fromEvent(event));
        }
      }
      case Tts.SynthesizeStart.TYPE -> startStream(Tts.SynthesizeStart.fromEvent(event));
      case Tts.SynthesizeChunk.TYPE -> {
        if (streaming != null) {
          streaming.add(Tts.SynthesizeChunk.fromEvent(event).text());
        }
      }
      case Tts.SynthesizeStop.TYPE -> {
        if (streaming != null) {
          streaming.finish();
          streaming = null;
        }
      }
      case Asr.Transcript.TYPE -> {
        Asr.Transcript transcript = Asr.Transcript.fromEvent(event);
        converse(transcript.text(), transcript.language(), transcript.context());
      }
      case Intents.Recognize.TYPE -> {
        Intents.Recognize recognize = Intents.Recognize.fromEvent(event);
        converse(recognize.text(), null, recognize.context());
      }
      case Wake.Detection.TYPE, RunPipeline.TYPE -> becomeSatellite(event);
      default -> LOG.trace("Wyoming {} from {} ignored", event.type(), connection.remoteAddress());
    }
  }

  private String language(String requested) {
    return requested == null || requested.isBlank() ? runtime.options().getLanguage() : requested;
  }

  private SpeechRequest speech() {
    if (speech == null) {
      speech = new SpeechRequest(runtime.options().getLanguage());
    }
    return speech;
  }

  private void transcribe() {
    SpeechRequest request = speech;
    speech = null;
    if (request == null || request.refused()) {
      // A refused request was answered with its error already.
      return;
    }
    Optional<SttService> stt = runtime.backends().stt();
    if (stt.isEmpty()) {
      send(new Control.ErrorMessage("no speech-to-text engine is configured", ErrorCodes.STT_MISSING));
      return;
    }
    request.finish(stt.get()).onComplete(ar -> {
      if (ar.succeeded()) {
        send(new Asr.Transcript(ar.result().text(), ar.result().language(), null));
      } else {
        send(new Control.ErrorMessage("speech-to-text failed: " + ar.cause().getMessage(), ErrorCodes.STT_FAILED));
      }
    });
  }

  private void synthesize(Tts.Synthesize request) {
    Optional<TtsService> tts = runtime.backends().tts();
    if (tts.isEmpty()) {
      send(new Control.ErrorMessage("no text-to-speech engine is configured", ErrorCodes.TTS_MISSING));
      return;
    }
    Tts.SynthesizeVoice voice = request.voice();
    AudioOut out = new AudioOut(connection, null);
    Speaker.speak(tts.get(), Sentences.split(request.text()), language(voice == null ? null : voice.language()),
            voice == null ? null : voice.name(), out)
        .compose(v -> out.stop())
        .onFailure(e -> send(new Control.ErrorMessage("text-to-speech failed: " + e.getMessage(),
            ErrorCodes.TTS_FAILED)));
  }

  private void startStream(Tts.SynthesizeStart start) {
    Optional<TtsService> tts = runtime.backends().tts();
    if (tts.isEmpty()) {
      send(new Control.ErrorMessage("no text-to-speech engine is configured", ErrorCodes.TTS_MISSING));
      send(new Tts.SynthesizeStopped());
      return;
    }
    Tts.SynthesizeVoice voice = start.voice();
    streaming = new StreamingSynthesis(connection, tts.get(), language(voice == null ? null : voice.language()),
        voice == null ? null : voice.name());
  }

  private void converse(String text, String language, JsonObject context) {
    Optional<Agent> agent = runtime.backends().agent();
    if (agent.isEmpty()) {
      send(new Control.ErrorMessage("no agent is running", ErrorCodes.AGENT_MISSING));
      return;
    }
    if (text == null || text.isBlank()) {
      send(new Handle.NotHandled("I didn't hear anything.", context));
      return;
    }
    JsonObject ctx = context == null ? new JsonObject() : context;
    String satellite = contextId(ctx, "satellite_id");
    satellite = satellite == null ? contextId(ctx, "device_id") : satellite;
    // A bad id or language throws IllegalArgumentException here, which handle() answers with an error event. Nothing
    // authenticates a Wyoming peer: its address goes with the utterance, and the policy decides what it may do.
    Utterance utterance = new Utterance(text, language(language), contextId(ctx, "conversation_id"),
        Channel.WYOMING, null, satellite, null, connection.remoteAddress().hostAddress());
    agent.get().ask(utterance).onComplete(ar -> {
      if (ar.failed()) {
        send(new Control.ErrorMessage("the agent failed: " + ar.cause().getMessage(), ErrorCodes.AGENT_FAILED));
        return;
      }
      Reply reply = ar.result();
      JsonObject back = new JsonObject().put("conversation_id", reply.conversationId() == null
          ? utterance.conversationId() : reply.conversationId());
      send(reply.type() == Reply.Type.ERROR ? new Handle.NotHandled(reply.speech(), back)
          : new Handle.Handled(reply.speech(), back));
    });
  }

  /** An id from the event's context: null when absent, checked by the one rule of {@link Ids}. */
  private static String contextId(JsonObject context, String key) {
    Object value = context.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String id)) {
      throw new IllegalArgumentException(key + " must be a string");
    }
    return id.isBlank() ? null : Ids.require(id, key);
  }

  private void becomeSatellite(WyomingEvent first) {
    String id = "wyoming-" + connection.remoteAddress().host() + ":" + connection.remoteAddress().port();
    String room = runtime.options().getSatellites().stream()
        .filter(s -> s.host().equals(connection.remoteAddress().host()))
        .map(s -> s.room()).findFirst().orElse(null);
    // Home Assistant sends timer events to every Wyoming satellite; one dialing in is treated the same way.
    session = new SatelliteSession(runtime, id, room, connection, true, true);
    session.open();
    // Pinged as Harpou pings the satellites it dials, so a quiet satellite is not closed as an idle connection.
    pingTimer = runtime.vertx().setPeriodic(runtime.options().getPingIntervalMs(),
        t -> send(new Control.Ping(null)));
    session.handle(first);
  }

  private void send(WyomingMessage message) {
    connection.write(message).onFailure(e -> LOG.debug("Wyoming write to {} failed: {}", connection.remoteAddress(),
        e.getMessage()));
  }
}
