package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** media_player: power, transport (play/pause/stop/next/previous), volume, mute, source and play_media. */
final class MediaDomain {

  /** PAUSE, VOLUME_SET, VOLUME_MUTE, PREVIOUS/NEXT_TRACK, TURN_ON/OFF, PLAY_MEDIA, VOLUME_STEP, SELECT_SOURCE,
   *  STOP, PLAY. */
  static final int FEATURES = 1 | 4 | 8 | 16 | 32 | 128 | 256 | 512 | 1024 | 2048 | 4096 | 16384;

  private MediaDomain() {
  }

  static void register(Home home) {
    ServiceRegistry s = home.services;
    s.register(ServiceDef.entity("media_player", "turn_on", (c, id) -> c.write(id, "on", c.attrs(id))));
    s.register(ServiceDef.entity("media_player", "turn_off", (c, id) -> c.write(id, "off", c.attrs(id))));
    s.register(ServiceDef.entity("media_player", "toggle", (c, id) ->
        c.write(id, "off".equals(c.state(id).state()) ? "on" : "off", c.attrs(id))));
    s.register(ServiceDef.entity("media_player", "media_play", (c, id) -> c.write(id, "playing", c.attrs(id))));
    s.register(ServiceDef.entity("media_player", "media_pause", (c, id) -> c.write(id, "paused", c.attrs(id))));
    s.register(ServiceDef.entity("media_player", "media_play_pause", (c, id) ->
        c.write(id, "playing".equals(c.state(id).state()) ? "paused" : "playing", c.attrs(id))));
    s.register(ServiceDef.entity("media_player", "media_stop", (c, id) -> c.write(id, "idle", c.attrs(id))));
    s.register(ServiceDef.entity("media_player", "media_next_track", (c, id) -> track(c, id, 1)));
    s.register(ServiceDef.entity("media_player", "media_previous_track", (c, id) -> track(c, id, -1)));
    s.register(ServiceDef.entity("media_player", "volume_set", (c, id) -> c.write(id, c.state(id).state(),
        c.attrs(id).put("volume_level", c.data.getDouble("volume_level")))).field("volume_level",
        Field.number(0, 1).req()));
    s.register(ServiceDef.entity("media_player", "volume_up", (c, id) -> step(c, id, 0.1)));
    s.register(ServiceDef.entity("media_player", "volume_down", (c, id) -> step(c, id, -0.1)));
    s.register(ServiceDef.entity("media_player", "volume_mute", (c, id) -> c.write(id, c.state(id).state(),
        c.attrs(id).put("is_volume_muted", c.data.getBoolean("is_volume_muted")))).field("is_volume_muted",
        Field.bool().req()));
    s.register(ServiceDef.entity("media_player", "select_source", (c, id) -> {
      JsonObject a = c.attrs(id);
      String source = c.data.getString("source");
      JsonArray list = a.getJsonArray("source_list");
      if (list != null && !list.contains(source)) {
        throw new ServiceError("service_validation_error", "Validation error: Source " + source
            + " is not valid for " + id, "media_player", "invalid_source", new JsonObject().put("source", source));
      }
      c.write(id, "off".equals(c.state(id).state()) ? "on" : c.state(id).state(), a.put("source", source));
    }).field("source", Field.string().req()));
    s.register(ServiceDef.entity("media_player", "play_media", (c, id) -> {
      JsonObject a = c.attrs(id).put("media_content_id", c.data.getString("media_content_id"))
          .put("media_content_type", c.data.getString("media_content_type"))
          .put("media_title", c.data.getString("media_content_id"));
      c.write(id, "playing", a);
    }).field("media_content_id", Field.string().req()).field("media_content_type", Field.string().req())
        .field("enqueue", Field.oneOf("play", "next", "add", "replace")).field("announce", Field.bool())
        .field("extra", Field.any()));
  }

  private static void track(CallContext c, String id, int delta) {
    JsonObject a = c.attrs(id);
    int track = a.getInteger("media_track", 1) + delta;
    a.put("media_track", Math.max(1, track)).put("media_title", "Track " + Math.max(1, track));
    c.write(id, "playing", a);
  }

  private static void step(CallContext c, String id, double delta) {
    JsonObject a = c.attrs(id);
    double v = Math.max(0, Math.min(1, a.getDouble("volume_level", 0.3) + delta));
    c.write(id, c.state(id).state(), a.put("volume_level", Math.round(v * 100) / 100.0));
  }
}
