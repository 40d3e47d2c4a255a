package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * media_player: power, transport (play/pause/stop/next/previous), volume, mute, source, play_media and search_media
 * (over a small music catalogue); and Music Assistant's {@code music_assistant.play_media} for players of the
 * {@code music_assistant} platform.
 */
final class MediaDomain {

  /** PAUSE, VOLUME_SET, VOLUME_MUTE, PREVIOUS/NEXT_TRACK, TURN_ON/OFF, PLAY_MEDIA, VOLUME_STEP, SELECT_SOURCE,
   *  STOP, PLAY, SEARCH_MEDIA. */
  static final int FEATURES = 1 | 4 | 8 | 16 | 32 | 128 | 256 | 512 | 1024 | 2048 | 4096 | 16384 | (1 << 22);
  /** MediaPlayerEntityFeature.SEARCH_MEDIA. */
  static final int SEARCH_MEDIA = 1 << 22;

  /** What search_media finds: BrowseMedia items as a music service's player lists them. */
  private static final JsonArray CATALOGUE = new JsonArray()
      .add(item("Kind of Blue", "album", "album", "library://album/kind-of-blue"))
      .add(item("Miles Davis", "artist", "artist", "library://artist/miles-davis"))
      .add(item("So What", "track", "music", "library://track/so-what"))
      .add(item("Jazz Classics", "playlist", "playlist", "library://playlist/jazz-classics"))
      .add(item("FIP Jazz", "channel", "radio", "radio://fip-jazz"));

  private static JsonObject item(String title, String mediaClass, String type, String id) {
    return new JsonObject().put("title", title).put("media_class", mediaClass).put("media_content_type", type)
        .put("media_content_id", id).put("can_play", true).put("can_expand", !"track".equals(mediaClass))
        .put("thumbnail", null).put("children_media_class", null);
  }

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
    s.register(ServiceDef.entity("media_player", "search_media", (c, id) -> {
      if ((c.attrs(id).getInteger("supported_features", 0) & SEARCH_MEDIA) == 0) {
        throw new ServiceError("home_assistant_error", "Entity " + id + " does not support action "
            + "media_player.search_media", "homeassistant", "service_not_supported", new JsonObject()
            .put("entity_id", id).put("action", "media_player.search_media"));
      }
      String wanted = c.data.getString("search_query").toLowerCase(java.util.Locale.ROOT);
      JsonArray classes = c.data.getJsonArray("media_filter_classes");
      JsonArray found = new JsonArray();
      CATALOGUE.stream().map(JsonObject.class::cast)
          .filter(i -> i.getString("title").toLowerCase(java.util.Locale.ROOT).contains(wanted))
          .filter(i -> classes == null || classes.contains(i.getString("media_class")))
          .forEach(i -> found.add(i.copy()));
      c.response.put(id, new JsonObject().put("version", 1).put("result", found));
    }).field("search_query", Field.string().req()).field("media_content_type", Field.string())
        .field("media_content_id", Field.string()).field("media_filter_classes", Field.any())
        .response(ServiceDef.Response.ONLY));
    s.register(ServiceDef.entity("music_assistant", "play_media", (c, id) -> {
      JsonObject entry = c.home.house.registries.entity(id);
      if (entry == null || !"music_assistant".equals(entry.getString("platform"))) {
        throw new ServiceError("home_assistant_error", "Entity " + id + " is not a Music Assistant player");
      }
      Object media = c.data.getValue("media_id");
      String title = media instanceof JsonArray list ? String.valueOf(list.getValue(0)) : String.valueOf(media);
      c.write(id, "playing", c.attrs(id).put("media_content_id", title).put("media_title", title)
          .put("media_content_type", c.data.getString("media_type", "music")));
    }).field("media_id", Field.any().req()).field("media_type", Field.oneOf("artist", "album", "audiobook",
        "folder", "playlist", "podcast", "track", "radio")).field("artist", Field.string())
        .field("album", Field.string()).field("enqueue", Field.oneOf("play", "replace", "next", "replace_next",
            "add")).field("radio_mode", Field.bool()).anyDomain());
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
