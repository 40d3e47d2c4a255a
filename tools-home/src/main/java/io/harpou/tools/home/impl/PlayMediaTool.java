package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.Target;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * play_media: finds something by name and plays it on one player. A Music Assistant player gets
 * {@code music_assistant.play_media} with the name (Music Assistant searches its providers itself); any other player
 * that can search ({@code SEARCH_MEDIA}) is searched with {@code media_player.search_media}, and its first playable
 * find is played with {@code media_player.play_media}, as Home Assistant's own intent does. A player that can do
 * neither is said so, and left as it was.
 */
final class PlayMediaTool extends HomeTool {

  private static final int MAX_QUERY = 200;
  /** Home Assistant media classes to Music Assistant media types. */
  private static final Map<String, String> MA_TYPES = Map.of("artist", "artist", "album", "album", "track", "track",
      "playlist", "playlist", "channel", "radio", "podcast", "podcast");

  PlayMediaTool(HomeAccess access) {
    super(access, new ToolSpec("play_media", "Finds music, a radio station (channel), an album, a playlist or a genre"
        + " such as jazz by name and plays it on one media player through Home Assistant (Music Assistant players,"
        + " and players that search their media).", schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "query", Schemas.string("What to play, e.g. 'Kind of Blue', 'Miles Davis', 'FIP' or 'jazz'")
        .put("maxLength", MAX_QUERY));
    Schemas.with(s, "media_class", Schemas.choice("What kind of thing it is; leave out when unsure", "artist",
        "album", "track", "playlist", "channel", "podcast"));
    return Schemas.required(s, "query");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String query = request.requireString("query");
    String mediaClass = request.string("media_class");
    if (query.length() > MAX_QUERY) {
      throw new ToolArgumentsException("query is at most " + MAX_QUERY + " characters");
    }
    if (mediaClass != null && !MA_TYPES.containsKey(mediaClass)) {
      throw new ToolArgumentsException("unknown media_class '" + mediaClass + "'");
    }
    List<HomeEntity> players = request.targets(Set.of("media_player"));
    if (players.size() != 1) {
      throw new TargetException(Messages.which(request.lang(), players, List.of("media_player")));
    }
    HomeEntity player = players.get(0);
    String where = Messages.spoken(request.lang(), player);
    if (request.home.isMusicAssistant(player.entityId())) {
      JsonObject data = new JsonObject().put("media_id", query).put("enqueue", "replace");
      if (mediaClass != null) {
        data.put("media_type", MA_TYPES.get(mediaClass));
      }
      return request.gateway().callService(new ServiceCall("music_assistant", "play_media", data,
              Target.entities(player.entityId()), false))
          .map(r -> ToolResult.ok(request.say("playing", query, where)));
    }
    if (!request.home.searchesMedia(player.entityId())) {
      return Future.succeededFuture(ToolResult.error(request.say("cannot_search_media", where)));
    }
    JsonObject search = new JsonObject().put("search_query", query);
    if (mediaClass != null) {
      search.put("media_filter_classes", new JsonArray().add(mediaClass));
    }
    return request.gateway().callService(new ServiceCall("media_player", "search_media", search,
            Target.entities(player.entityId()), true))
        .compose(answer -> {
          JsonObject item = firstPlayable(answer, player.entityId());
          if (item == null) {
            return Future.succeededFuture(ToolResult.error(request.say("nothing_found", query)));
          }
          return request.call("media_player", "play_media", players, new JsonObject()
                  .put("media_content_id", item.getString("media_content_id"))
                  .put("media_content_type", item.getString("media_content_type", "music")))
              .map(r -> ToolResult.ok(request.say("playing", item.getString("title", query), where)));
        });
  }

  /** The first playable item of {@code search_media}'s response for {@code entityId}, or null. */
  private static JsonObject firstPlayable(JsonObject answer, String entityId) {
    JsonObject response = answer.getValue("response") instanceof JsonObject r ? r : answer;
    JsonObject mine = response.getValue(entityId) instanceof JsonObject m ? m : new JsonObject();
    JsonArray result = mine.getValue("result") instanceof JsonArray a ? a : new JsonArray();
    return result.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .filter(item -> item.getBoolean("can_play", false) && item.getValue("media_content_id") instanceof String)
        .findFirst().orElse(null);
  }
}
