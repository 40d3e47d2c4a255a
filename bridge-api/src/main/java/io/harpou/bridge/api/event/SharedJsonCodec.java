package io.harpou.bridge.api.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Delivers a JSON object to local consumers as it is, without the copy Vert.x makes for each consumer; only for
 * bodies nobody changes. On the wire it is the JSON text behind its length, as Vert.x's own codec writes it.
 */
final class SharedJsonCodec implements MessageCodec<JsonObject, JsonObject> {

  static final String NAME = "harpou.shared-json";

  /** Registers the codec on {@code bus} unless it already is; returns its name. */
  static String register(EventBus bus) {
    try {
      bus.registerCodec(new SharedJsonCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // Another publisher on the same bus registered it first.
    }
    return NAME;
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject json) {
    Buffer encoded = json.toBuffer();
    buffer.appendInt(encoded.length()).appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.slice(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject json) {
    return json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
