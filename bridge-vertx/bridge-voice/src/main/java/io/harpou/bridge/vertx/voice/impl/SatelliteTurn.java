package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.AgentProfile;
import io.harpou.bridge.api.agent.AgentProfiles;
import io.harpou.bridge.api.agent.Channel;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.SatelliteStateChanged.State;
import io.harpou.bridge.api.event.TranscriptReceived;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.Sentences;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.wyoming.message.Asr;
import io.harpou.wyoming.message.PipelineStage;
import io.harpou.wyoming.message.Tts;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One turn of a satellite session after the speech has ended: transcription, the agent, and the spoken answer
 * (22050 Hz, 2048-byte chunks), waiting for the satellite's {@code played}. Every failure becomes an {@code error}
 * event for the satellite. A turn whose session moved on (a drop, a new wake) stops quietly.
 */
final class SatelliteTurn {

  private final SatelliteSession session;
  private final long turn;
  private final String language;
  // The agent profile a detected wake word calls, or null: the agent then finds the satellite's or the room's.
  private final AgentProfile called;
  // The profile that answers here, by wake word, satellite or room: it listens and speaks in its language and voice.
  private final AgentProfile answering;

  SatelliteTurn(SatelliteSession session, long turn) {
    this.session = session;
    this.turn = turn;
    AgentProfiles profiles = session.runtime().backends().profiles();
    this.called = profiles.byWakeWord(session.wakeWord()).orElse(null);
    this.answering = called != null ? called
        : profiles.answering(null, session.id(), session.room()).orElse(null);
    this.language = answering != null ? answering.language() : session.options().getLanguage();
  }

  /** Transcribes the utterance (16 kHz mono), then answers it. */
  void transcribe(Buffer audio) {
    Optional<SttService> engine = session.runtime().backends().stt();
    if (engine.isEmpty()) {
      session.fail(turn, ErrorCodes.STT_MISSING, "no speech-to-text engine is configured");
      return;
    }
    SttService stt = engine.get();
    Future<io.harpou.bridge.api.voice.Transcript> result;
    try {
      result = stt.transcribe(PcmAudio.convert(audio, AudioFormat.MICROPHONE, stt.inputFormat()), language);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      if (!session.current(turn)) {
        return;
      }
      if (ar.failed()) {
        session.fail(turn, ErrorCodes.STT_FAILED, "speech-to-text failed: " + ar.cause().getMessage());
      } else if (ar.result().isEmpty()) {
        session.fail(turn, ErrorCodes.NO_TEXT, "no text was recognised");
      } else {
        session.send(new Asr.Transcript(ar.result().text(), ar.result().language(), null));
        respond(ar.result().text());
      }
    });
  }

  /** Asks the agent and speaks its answer. */
  void respond(String text) {
    session.runtime().publish(new TranscriptReceived(Instant.now(), session.conversationId(), session.id(),
        session.room(), text));
    Optional<Agent> agent = session.runtime().backends().agent();
    if (agent.isEmpty()) {
      session.fail(turn, ErrorCodes.AGENT_MISSING, "no agent is running");
      return;
    }
    Utterance utterance = new Utterance(text, language, session.conversationId(), Channel.SATELLITE,
        session.room(), session.id(), null, session.peer(), called == null ? null : called.id());
    agent.get().ask(utterance).onComplete(ar -> {
      if (!session.current(turn)) {
        return;
      }
      if (ar.failed()) {
        session.fail(turn, ErrorCodes.AGENT_FAILED, "the agent failed: " + ar.cause().getMessage());
        return;
      }
      Reply reply = ar.result();
      session.conversationId(reply.continueConversation() ? reply.conversationId() : null);
      if (session.endStage() != PipelineStage.TTS) {
        session.finish(turn);
        return;
      }
      session.setState(State.RESPONDING);
      speak(reply.speech(), language, true).onFailure(e -> {
      });
    });
  }

  /**
   * Speaks text on the satellite and waits for {@code played}; the Future fails with {@link BridgeException} when
   * there is no engine, the engine fails, or the satellite drops.
   */
  Future<Void> speak(String text, String lang, boolean announceText) {
    Optional<TtsService> engine = session.runtime().backends().tts();
    if (engine.isEmpty()) {
      session.fail(turn, ErrorCodes.TTS_MISSING, "no text-to-speech engine is configured");
      return Future.failedFuture(new BridgeException("no text-to-speech engine is configured"));
    }
    String voice = voiceFor(lang);
    if (announceText) {
      session.send(new Tts.Synthesize(text, voice == null ? null : new Tts.SynthesizeVoice(voice, null, lang), null,
          null));
    }
    AudioOut out = new AudioOut(session.connection(), AudioFormat.SPEECH,
        session.runtime().settingsOf(session.id()).volume() / 100.0);
    return Speaker.speak(engine.get(), Sentences.split(text), lang, voice, out)
        .compose(v -> out.stop())
        .recover(e -> {
          session.fail(turn, ErrorCodes.TTS_FAILED, "text-to-speech failed: " + e.getMessage());
          return Future.failedFuture(e instanceof BridgeException ? e
              : new BridgeException("speaking failed: " + e.getMessage(), e));
        })
        .compose(v -> session.awaitPlayed(out.sentMillis()))
        .onSuccess(v -> session.finish(turn));
  }

  /** The answering profile's voice when it speaks its own language; else the engine's voice for {@code lang}. */
  private String voiceFor(String lang) {
    if (answering == null || answering.voice() == null || lang == null) {
      return null;
    }
    return primary(lang).equals(primary(answering.language())) ? answering.voice() : null;
  }

  private static String primary(String languageTag) {
    return languageTag.toLowerCase(Locale.ROOT).split("[-_]")[0];
  }
}
