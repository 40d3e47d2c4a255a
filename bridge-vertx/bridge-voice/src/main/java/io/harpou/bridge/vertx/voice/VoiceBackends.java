package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import java.util.Optional;

/**
 * Where voice finds its engines and the agent. A missing one is reported to the peer as an {@code error} event.
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
}
