package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.voice.VoiceBackends;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.wyoming.info.Artifact;
import io.harpou.wyoming.info.AsrProgram;
import io.harpou.wyoming.info.Attribution;
import io.harpou.wyoming.info.HandleProgram;
import io.harpou.wyoming.info.Info;
import io.harpou.wyoming.info.Model;
import io.harpou.wyoming.info.TtsProgram;
import io.harpou.wyoming.info.TtsVoice;
import java.util.List;

/**
 * The {@code info} Harpou answers {@code describe} with: an installed {@code asr} program when a speech-to-text
 * engine is present, a streaming {@code tts} program when a text-to-speech engine is, and a {@code handle} program
 * (the agent, with home control) when the agent runs. Every key Home Assistant requires is filled.
 */
final class ServiceInfo {

  static final String NAME = "Harpou";
  static final String VERSION = "0.1.0";
  private static final Attribution ATTRIBUTION = new Attribution("Harpou", "");

  private ServiceInfo() {
  }

  static Info build(VoiceOptions options, VoiceBackends backends) {
    Info info = Info.empty();
    if (backends.stt().isPresent()) {
      info = info.withAsr(List.of(asr(backends.stt().get())));
    }
    if (backends.tts().isPresent()) {
      info = info.withTts(List.of(tts(backends.tts().get())));
    }
    if (backends.agent().isPresent()) {
      Model model = new Model(new Artifact("harpou-agent", ATTRIBUTION, true, "Harpou's agent", VERSION),
          options.getLanguages());
      info = info.withHandle(List.of(new HandleProgram(artifact("Harpou conversation agent"), List.of(model),
          false, true)));
    }
    return info;
  }

  private static Artifact artifact(String description) {
    return new Artifact(NAME, ATTRIBUTION, true, description, VERSION);
  }

  private static AsrProgram asr(SttService stt) {
    Model model = new Model(new Artifact(stt.id(), ATTRIBUTION, true, "speech to text with " + stt.id(), null),
        stt.languages());
    return new AsrProgram(artifact("Harpou speech to text"), List.of(model));
  }

  private static TtsProgram tts(TtsService tts) {
    List<TtsVoice> voices = tts.voices().stream()
        .map(v -> new TtsVoice(new Artifact(v.name(), ATTRIBUTION, true, v.description(), null), v.languages(),
            null))
        .toList();
    return new TtsProgram(artifact("Harpou text to speech (" + tts.id() + ")"), voices, true);
  }
}
