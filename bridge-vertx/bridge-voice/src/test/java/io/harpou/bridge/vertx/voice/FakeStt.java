package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.voice.AudioFormat;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.Transcript;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A speech-to-text stand-in returning a fixed transcript. Whisper runs here only with a weightless model, which
 * transcribes everything as empty text, so the pipeline tests use this and check the audio it was given.
 */
final class FakeStt implements SttService {

  final List<Buffer> heard = new CopyOnWriteArrayList<>();
  volatile String text;
  volatile boolean failing;

  FakeStt(String text) {
    this.text = text;
  }

  @Override
  public String id() {
    return "fake-stt";
  }

  @Override
  public List<String> languages() {
    return List.of("en", "fr");
  }

  @Override
  public AudioFormat inputFormat() {
    return AudioFormat.MICROPHONE;
  }

  @Override
  public Future<Transcript> transcribe(Buffer pcm, String language) {
    heard.add(pcm);
    if (failing) {
      return Future.failedFuture(new BridgeException("model crashed"));
    }
    return Future.succeededFuture(new Transcript(text, language));
  }
}
