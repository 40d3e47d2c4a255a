package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.Providers;
import io.harpou.bridge.api.voice.SpeechEngineProvider;
import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Optional;

/**
 * Asks each {@link SpeechEngineProvider} on the class path (found by {@link Providers}, which refuses two with one id)
 * for engines matching the {@code voice} section, and publishes the first speech-to-text and text-to-speech engines
 * offered. An application that
 * published its own engines before start keeps them.
 */
public final class SpeechComponent implements BridgeComponent {

  private SttService stt;
  private TtsService tts;

  @Override
  public String name() {
    return "speech";
  }

  @Override
  public Future<Void> start(BridgeContext context) {
    JsonObject voice = context.options().section("voice");
    // Providers may load native libraries or probe the PATH: keep that off the event loop.
    return context.vertx().executeBlocking(() -> {
      for (SpeechEngineProvider provider : providers()) {
        if (stt == null && context.stt().isEmpty()) {
          stt = provider.stt(context.vertx(), voice).orElse(null);
        }
        if (tts == null && context.tts().isEmpty()) {
          tts = provider.tts(context.vertx(), voice).orElse(null);
        }
      }
      return null;
    }, false).recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("speech engines could not start: " + e.getMessage(), e)))
        .onSuccess(v -> {
          Optional.ofNullable(stt).ifPresent(context::stt);
          Optional.ofNullable(tts).ifPresent(context::tts);
          context.health().report(name(), "ready", "speech to text: "
              + context.stt().map(SttService::id).orElse("none (set HARPOU_WHISPER_MODEL)")
              + ", text to speech: " + context.tts().map(TtsService::id).orElse("none (install espeak-ng)"));
        }).mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    Future<Void> closed = stt == null ? Future.succeededFuture() : stt.close();
    return closed.eventually(() -> tts == null ? Future.succeededFuture() : tts.close());
  }

  private static Collection<SpeechEngineProvider> providers() {
    return Providers.load(SpeechEngineProvider.class, SpeechEngineProvider::id).values();
  }
}
