package io.harpou.bridge.vertx.speech;

import java.nio.file.Path;

/** Paths of the shared test data (weightless Whisper models, jfk.wav), read where the build says they are. */
final class SharedData {

  private SharedData() {
  }

  static Path file(String name) {
    return Path.of(System.getProperty("harpou.shared.dir", "../../shared"), "data", name);
  }
}
