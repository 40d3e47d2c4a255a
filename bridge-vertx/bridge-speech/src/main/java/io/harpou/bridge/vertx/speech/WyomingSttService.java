package io.harpou.bridge.vertx.speech;

import io.harpou.bridge.api.voice.SttService;
import io.harpou.bridge.vertx.speech.impl.WyomingSttServiceImpl;
import io.harpou.wyoming.info.Info;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Speech to text on a remote Wyoming server (faster-whisper on another machine, for example): one connection per
 * utterance, as Home Assistant does it. Input is 16 kHz mono 16-bit PCM.
 */
public interface WyomingSttService extends SttService {

  /** Creates the service; nothing connects until the first call. */
  static WyomingSttService create(Vertx vertx, WyomingSpeechOptions options) {
    return new WyomingSttServiceImpl(vertx, options);
  }

  /**
   * Asks the server what it offers; {@link #languages()} returns its models' languages from then on.
   *
   * @return the server's info; fails with {@link io.harpou.bridge.api.BridgeException} when it cannot be reached,
   *     times out or answers with an error
   */
  Future<Info> describe();

  /** Closes the client and its connections. */
  Future<Void> close();
}
