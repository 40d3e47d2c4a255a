package io.harpou.bridge.vertx.http;

import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SpeechEngineProvider;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.Transcript;
import io.harpou.bridge.api.voice.TtsService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A speech-to-text stand-in for the test house, offered when the {@code voice} section names a
 * {@code test_transcript}: Whisper runs here only with a weightless model, which hears every sound as silence, so
 * this engine answers that transcript and counts the audio it was given, for the test to check what was heard.
 */
public final class TestHouseSpeech implements SpeechEngineProvider {

  /** Bytes of 16 kHz audio the last transcription was given. */
  static final AtomicLong HEARD_BYTES = new AtomicLong();

  @Override
  public String id() {
    return "http-test-house-speech";
  }

  @Override
  public Optional<SttService> stt(Vertx vertx, JsonObject voiceConfig) {
    String text = voiceConfig.getString("test_transcript");
    return text == null ? Optional.empty() : Optional.of(new SttService() {
      @Override
      public String id() {
        return "test-transcript";
      }

      @Override
      public List<String> languages() {
        return List.of("en");
      }

      @Override
      public AudioFormat inputFormat() {
        return AudioFormat.MICROPHONE;
      }

      @Override
      public Future<Transcript> transcribe(Buffer pcm, String language) {
        HEARD_BYTES.set(pcm.length());
        return Future.succeededFuture(new Transcript(text, language));
      }
    });
  }

  @Override
  public Optional<TtsService> tts(Vertx vertx, JsonObject voiceConfig) {
    return Optional.empty();
  }
}
