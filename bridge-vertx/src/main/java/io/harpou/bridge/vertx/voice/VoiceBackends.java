package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.BridgeContext;
import java.util.Optional;

/**
 * Where voice finds its engines and the agent. Read at each use, so an engine published after voice started is
 * picked up, and a missing one is reported to the peer as an {@code error} event.
 */
public interface VoiceBackends {

  /** The speech-to-text engine, if any. */
  Optional<SttService> stt();

  /** The text-to-speech engine, if any. */
  Optional<TtsService> tts();

  /** The agent, if any. */
  Optional<Agent> agent();

  /** Fixed backends; any of them may be null. */
  static VoiceBackends of(SttService stt, TtsService tts, Agent agent) {
    return new VoiceBackends() {
      @Override
      public Optional<SttService> stt() {
        return Optional.ofNullable(stt);
      }

      @Override
      public Optional<TtsService> tts() {
        return Optional.ofNullable(tts);
      }

      @Override
      public Optional<Agent> agent() {
        return Optional.ofNullable(agent);
      }
    };
  }

  /** The backends the bridge's components publish, read live from {@code context}. */
  static VoiceBackends of(BridgeContext context) {
    return new VoiceBackends() {
      @Override
      public Optional<SttService> stt() {
        return context.stt();
      }

      @Override
      public Optional<TtsService> tts() {
        return context.tts();
      }

      @Override
      public Optional<Agent> agent() {
        return context.agent();
      }
    };
  }
}
