package io.harpou.bridge.vertx.voice.impl;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.Sentences;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Tts;
import io.vertx.core.Future;

/**
 * Streaming text to speech ({@code synthesize-start}, {@code synthesize-chunk}*, {@code synthesize-stop}): each
 * sentence is synthesised as soon as it is complete and sent as its own {@code audio-start ... audio-stop}, all in
 * one format (Home Assistant reads the format once), then {@code synthesize-stopped}.
 */
final class StreamingSynthesis {

  private final WyomingConnection connection;
  private final TtsService tts;
  private final String language;
  private final String voice;
  private final StringBuilder pending = new StringBuilder();
  private Future<Void> sent = Future.succeededFuture();
  private AudioFormat format;

  StreamingSynthesis(WyomingConnection connection, TtsService tts, String language, String voice) {
    this.connection = connection;
    this.tts = tts;
    this.language = language;
    this.voice = voice;
  }

  /** Adds streamed text; every sentence it completes starts synthesising at once. */
  void add(String text) {
    pending.append(text);
    Sentences.Split split = Sentences.splitStreaming(pending.toString());
    pending.setLength(0);
    pending.append(split.rest());
    split.complete().forEach(this::enqueue);
  }

  private void enqueue(String sentence) {
    Future<SpeechAudio> audio = tts.synthesize(sentence, language, voice);
    sent = sent.compose(v -> audio).compose(speech -> {
      AudioOut out = new AudioOut(connection, format);
      return out.write(speech).compose(v -> out.stop()).onSuccess(v -> format = out.format());
    });
  }

  /** Speaks the rest, then ends with {@code synthesize-stopped} (after an {@code error} if anything failed). */
  Future<Void> finish() {
    String rest = pending.toString().strip();
    pending.setLength(0);
    if (!rest.isEmpty()) {
      enqueue(rest);
    }
    return sent.recover(e -> connection.write(new Control.ErrorMessage("text-to-speech failed: " + e.getMessage(),
            ErrorCodes.TTS_FAILED)))
        .compose(v -> connection.write(new Tts.SynthesizeStopped()));
  }
}
