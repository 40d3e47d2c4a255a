package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.AgentProfiles;
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

  /**
   * The household's agent profiles: a satellite in a profile's room, or woken by its wake word, listens and speaks
   * in the profile's language and voice. None by default.
   */
  default AgentProfiles profiles() {
    return AgentProfiles.NONE;
  }

  /** Fixed backends without agent profiles; any of them may be null. */
  static VoiceBackends of(SttService stt, TtsService tts, Agent agent) {
    return of(stt, tts, agent, AgentProfiles.NONE);
  }

  /** Fixed backends; the engines and the agent may be null. */
  static VoiceBackends of(SttService stt, TtsService tts, Agent agent, AgentProfiles profiles) {
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

      @Override
      public AgentProfiles profiles() {
        return profiles;
      }
    };
  }
}
