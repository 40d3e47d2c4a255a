package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.vertx.BridgeComponent;
import io.harpou.bridge.vertx.BridgeContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Starts voice: the Wyoming server (address, connection caps, timeouts and size limits from the {@code wyoming}
 * section, see {@link WyomingServerSection}; everything else from the {@code voice} section, see
 * {@link VoiceOptions}) and the configured satellites, using the speech engines and the
 * agent the context holds. Publishes the {@link io.harpou.bridge.api.voice.Announcer} and the {@link Satellites}
 * view. Voice starts only when the configuration has a {@code voice} or {@code wyoming} section (the hub always
 * writes one), so an embedding application never opens a listening port it did not ask for; with
 * {@code "enabled": false} in either section nothing starts.
 */
public final class VoiceComponent implements BridgeComponent {

  @Override
  public String name() {
    return "voice";
  }

  @Override
  public Future<Void> start(BridgeContext context) {
    JsonObject voice = context.options().section("voice");
    JsonObject wyoming = context.options().section("wyoming");
    boolean configured = context.options().has("voice") || context.options().has("wyoming");
    if (!configured || !voice.getBoolean("enabled", true) || !wyoming.getBoolean("enabled", true)) {
      return Future.succeededFuture();
    }
    VoiceOptions options;
    try {
      JsonObject merged = voice.copy();
      for (String key : WyomingServerSection.KEYS) {
        if (wyoming.containsKey(key)) {
          merged.put(key, wyoming.getValue(key));
        }
      }
      options = new VoiceOptions(merged);
    } catch (RuntimeException e) {
      return Future.failedFuture(new BridgeException("bad voice configuration: " + e.getMessage(), e));
    }
    WyomingServiceVerticle verticle = new WyomingServiceVerticle(options, VoiceBackends.of(context));
    return context.deploy(verticle)
        .recover(e -> Future.failedFuture(new BridgeException("voice could not start: " + e.getMessage(), e)))
        .onSuccess(id -> {
          context.announcer(verticle.announcer());
          context.satellites(verticle.satellites());
          context.health().report(name(), "ready", "Wyoming on port " + verticle.actualPort() + ", "
              + options.getSatellites().size() + " satellites configured, stt "
              + context.stt().map(s -> s.id()).orElse("none") + ", tts "
              + context.tts().map(t -> t.id()).orElse("none"));
        })
        .mapEmpty();
  }
}
