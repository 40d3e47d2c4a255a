package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Finding something to play: {@code media_player.search_media} over the house's media library (for players with the
 * SEARCH_MEDIA feature), and Music Assistant's {@code music_assistant.play_media}, which only its own players accept.
 */
final class MediaSearch {

  /** MediaPlayerEntityFeature.SEARCH_MEDIA. */
  static final int SEARCH_MEDIA = 4194304;

  private MediaSearch() {
  }

  static void register(Home home) {
    ServiceRegistry s = home.services;
    s.register(ServiceDef.entity("media_player", "search_media", (c, id) -> {
      if ((c.attrs(id).getInteger("supported_features", 0) & SEARCH_MEDIA) == 0) {
        throw ApplianceDomains.unsupported(id, "media_player.search_media");
      }
      JsonArray classes = c.data.getValue("media_filter_classes") == null ? null
          : Targets.toList("media_filter_classes", c.data.getValue("media_filter_classes"));
      String query = fold(c.data.getString("search_query"));
      JsonArray result = new JsonArray();
      for (JsonObject item : home.house.mediaLibrary) {
        boolean classOk = classes == null || classes.contains(item.getString("media_class"));
        if (classOk && (fold(item.getString("title")).contains(query)
            || fold(item.getString("artist", "")).contains(query))) {
          result.add(browse(item));
        }
      }
      c.response.put(id, new JsonObject().put("result", result));
    }).field("search_query", Field.string().req()).field("media_content_type", Field.string())
        .field("media_content_id", Field.string()).field("media_filter_classes", Field.any())
        .response(ServiceDef.Response.ONLY));
    s.register(ServiceDef.entity("music_assistant", "play_media", (c, id) -> {
      JsonObject entry = home.house.registries.entities.get(id);
      if (entry == null || !"music_assistant".equals(entry.getString("platform"))) {
        throw new ServiceError("service_validation_error", "Entity " + id + " is not a Music Assistant player",
            "music_assistant", "invalid_entity", new JsonObject().put("entity_id", id));
      }
      Object media = c.data.getValue("media_id");
      String title = media instanceof JsonArray list ? String.valueOf(list.getValue(0)) : String.valueOf(media);
      JsonObject a = c.attrs(id).put("media_title", title).put("media_content_id", title)
          .put("media_content_type", c.data.getString("media_type", "music"));
      if (c.data.containsKey("artist")) {
        a.put("media_artist", c.data.getString("artist"));
      }
      c.write(id, "playing", a);
    }).onDomain("media_player").field("media_id", Field.any().req())
        .field("media_type", Field.oneOf("artist", "album", "audiobook", "folder", "playlist", "podcast", "radio",
            "track"))
        .field("artist", Field.string()).field("album", Field.string())
        .field("enqueue", Field.oneOf("play", "replace", "next", "replace_next", "add"))
        .field("radio_mode", Field.bool()));
  }

  /** A library entry as Home Assistant's BrowseMedia dictionary. */
  private static JsonObject browse(JsonObject item) {
    return new JsonObject().put("title", item.getString("title"))
        .put("media_class", item.getString("media_class", "music"))
        .put("media_content_type", item.getString("media_content_type", "music"))
        .put("media_content_id", item.getString("media_content_id"))
        .put("children_media_class", null).put("can_play", true).put("can_expand", false)
        .put("can_search", false).put("thumbnail", null);
  }

  private static String fold(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).trim();
  }
}
