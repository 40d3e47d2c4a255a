package io.harpou.bridge.vertx.mqtt.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;

/**
 * JSON as the broker receives it, written by Jackson's streaming generator alone. Vert.x's default codec builds a
 * databind {@code ObjectMapper} the first time anything is encoded, which on a cold JVM loads about 900 classes (two
 * seconds of a loaded two-core machine, most of the first discovery's time: BENCHMARKS.md); discovery writes plain
 * objects of text, numbers and lists and needs none of it.
 */
final class Payloads {

  private static final JacksonCodec STREAMING = new JacksonCodec();

  private Payloads() {
  }

  /** {@code json} encoded, as a message body. */
  static Buffer buffer(JsonObject json) {
    return STREAMING.toBuffer(json, false);
  }

  /** {@code json} encoded, as a state. */
  static String text(JsonObject json) {
    return STREAMING.toString(json, false);
  }
}
