package io.harpou.bridge.vertx.speech.impl;

import io.github.givimad.whisperjni.WhisperJNI;
import io.harpou.bridge.api.BridgeException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads whisper-jni's native library once per process, before any other native call (its logger setter included). */
final class WhisperNative {

  private static final Logger LOG = LoggerFactory.getLogger("io.harpou.bridge.vertx.speech.whisper.native");
  private static WhisperJNI instance;

  private WhisperNative() {
  }

  /** The loaded library; blocking, call it off the event loop. */
  static synchronized WhisperJNI get() {
    if (instance == null) {
      try {
        WhisperJNI.loadLibrary(message -> LOG.debug("{}", message.strip()));
        // Only legal once the library is loaded: setLibraryLogger is itself a native method.
        WhisperJNI.setLibraryLogger(message -> LOG.trace("{}", message.strip()));
      } catch (IOException | UnsatisfiedLinkError e) {
        throw new BridgeException("cannot load the whisper native library: " + e.getMessage(), e);
      }
      instance = new WhisperJNI();
    }
    return instance;
  }
}
