package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.voice.TtsService;
import io.harpou.bridge.vertx.speech.impl.WyomingTtsServiceImpl;
import io.harpou.wyoming.info.Info;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Text to speech on a remote Wyoming server (Piper on another machine, for example): one connection per sentence.
 * The audio comes back in the format the server chose, usually 22050 Hz mono 16-bit.
 */
public interface WyomingTtsService extends TtsService {

  /** Creates the service; nothing connects until the first call. */
  static WyomingTtsService create(Vertx vertx, WyomingSpeechOptions options) {
    return new WyomingTtsServiceImpl(vertx, options);
  }

  /**
   * Asks the server what it offers; {@link #voices()} returns its voices from then on.
   *
   * @return the server's info; fails with {@link io.harpou.bridge.api.BridgeException} when it cannot be reached,
   *     times out or answers with an error
   */
  Future<Info> describe();

  /** Closes the client and its connections. */
  Future<Void> close();
}
