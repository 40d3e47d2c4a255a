package io.harpou.tools.media.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading Mopidy's models: what a track or album is called in a sentence, and picking the best match of a search. */
final class Tracks {

  private Tracks() {
  }

  /** "So What by Miles Davis, from Kind of Blue". */
  static String label(JsonObject track, boolean french) {
    String text = track.getString("name", "?");
    String artists = artists(track);
    if (!artists.isEmpty()) {
      text += (french ? " de " : " by ") + artists;
    }
    if (track.getValue("album") instanceof JsonObject album && album.getString("name") != null) {
      text += (french ? ", de l'album " : ", from ") + album.getString("name");
    }
    return text;
  }

  /** "Kind of Blue by Miles Davis". */
  static String albumLabel(JsonObject album, boolean french) {
    String artists = artists(album);
    return album.getString("name", "?") + (artists.isEmpty() ? "" : (french ? " de " : " by ") + artists);
  }

  private static String artists(JsonObject model) {
    JsonArray artists = model.getValue("artists") instanceof JsonArray a ? a : new JsonArray();
    return String.join(", ", artists.stream().filter(JsonObject.class::isInstance)
        .map(a -> ((JsonObject) a).getString("name", "")).filter(n -> !n.isBlank()).toList());
  }

  /** Every model of {@code kind} ({@code tracks}, {@code albums}) across the search results of all backends. */
  static List<JsonObject> all(JsonArray results, String kind) {
    List<JsonObject> out = new ArrayList<>();
    for (Object result : results) {
      if (result instanceof JsonObject r && r.getValue(kind) instanceof JsonArray models) {
        models.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
            .filter(m -> m.getValue("uri") instanceof String).forEach(out::add);
      }
    }
    return out;
  }

  /** The model whose name is exactly {@code wanted} (case aside), else the first; null when there is none. */
  static JsonObject best(List<JsonObject> models, String wanted) {
    String key = wanted.strip().toLowerCase(Locale.ROOT);
    return models.stream().filter(m -> key.equals(m.getString("name", "").toLowerCase(Locale.ROOT))).findFirst()
        .orElse(models.isEmpty() ? null : models.get(0));
  }
}
