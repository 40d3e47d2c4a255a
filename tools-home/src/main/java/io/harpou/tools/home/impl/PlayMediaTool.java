package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.EntityEntry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * play_media: finds music by name and plays it on media players through Home Assistant. A Music Assistant player
 * gets {@code music_assistant.play_media} (Music Assistant searches its providers itself); any other player that can
 * search ({@code SEARCH_MEDIA}) is searched with {@code media_player.search_media}, and its first playable find is
 * played with {@code media_player.play_media}.
 */
final class PlayMediaTool extends HomeTool {

  /** MediaPlayerEntityFeature.SEARCH_MEDIA. */
  static final int SEARCH_MEDIA = 1 << 22;
  private static final String[] KINDS = {"any", "artist", "album", "track", "playlist", "radio"};

  PlayMediaTool(HomeAccess access) {
    super(access, new ToolSpec("play_media", "Finds music by name and plays it on a media player through Home "
        + "Assistant (Music Assistant players, and players that search their media): an artist, album, track, "
        + "playlist or radio station, or a genre such as jazz.", schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "query", Schemas.string("What to play, e.g. Kind of Blue, Miles Davis, jazz").put("maxLength",
        200));
    Schemas.with(s, "kind", Schemas.choice("What the query names; any when unsure", KINDS));
    return Schemas.required(s, "query");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String query = request.requireString("query");
    String kind = request.string("kind");
    if (query.length() > 200) {
      throw new ToolArgumentsException("query is at most 200 characters");
    }
    if (kind != null && !List.of(KINDS).contains(kind)) {
      throw new ToolArgumentsException("kind is one of " + List.of(KINDS));
    }
    List<HomeEntity> players = request.targets(Set.of("media_player"));
    Future<List<Said>> said = Future.succeededFuture(new ArrayList<>());
    for (HomeEntity player : players) {
      said = said.compose(list -> play(request, player, query, kind).map(one -> {
        list.add(one);
        return list;
      }));
    }
    return said.map(all -> {
      String text = String.join(" ", all.stream().map(Said::text).toList());
      return all.stream().allMatch(Said::played) ? ToolResult.ok(text) : ToolResult.error(text);
    });
  }

  /** What one player came to: the sentence, and whether it plays. */
  private record Said(String text, boolean played) {
  }

  private Future<Said> play(ToolRequest request, HomeEntity player, String query, String kind) {
    String platform = request.gateway().entities().stream().filter(e -> e.entityId().equals(player.entityId()))
        .map(EntityEntry::platform).findFirst().orElse("");
    if ("music_assistant".equals(platform)) {
      JsonObject data = new JsonObject().put("media_id", query).put("enqueue", "replace");
      if (kind != null && !"any".equals(kind)) {
        data.put("media_type", kind);
      }
      return request.call("music_assistant", "play_media", List.of(player), data)
          .map(r -> new Said(request.say("playing_media", query, player.name()), true));
    }
    int features = request.gateway().state(player.entityId())
        .map(s -> s.attributes().getInteger("supported_features", 0)).orElse(0);
    if ((features & SEARCH_MEDIA) == 0) {
      return Future.succeededFuture(new Said(request.say("cannot_search_media", player.name()), false));
    }
    JsonObject search = new JsonObject().put("search_query", query);
    if (kind != null && !"any".equals(kind)) {
      search.put("media_filter_classes", new JsonArray().add("radio".equals(kind) ? "channel" : kind));
    }
    ServiceCall call = new ServiceCall("media_player", "search_media", search,
        new Target(List.of(player.entityId()), null, null, null), true);
    return request.gateway().callService(call).compose(answer -> {
      JsonObject found = first(answer, player.entityId());
      if (found == null) {
        return Future.succeededFuture(new Said(request.say("no_media_found", player.name(), query), false));
      }
      return request.call("media_player", "play_media", List.of(player), new JsonObject()
              .put("media_content_id", found.getString("media_content_id"))
              .put("media_content_type", found.getString("media_content_type", "music")))
          .map(r -> new Said(request.say("playing_media", found.getString("title", query), player.name()), true));
    });
  }

  /** The first playable item of {@code search_media}'s response for {@code entityId}, or null. */
  private static JsonObject first(JsonObject answer, String entityId) {
    JsonObject response = answer.getValue("response") instanceof JsonObject r ? r : new JsonObject();
    JsonObject mine = response.getValue(entityId) instanceof JsonObject m ? m : new JsonObject();
    JsonArray result = mine.getValue("result") instanceof JsonArray a ? a : new JsonArray();
    return result.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .filter(item -> item.getBoolean("can_play", false) && item.getValue("media_content_id") instanceof String)
        .findFirst().orElse(null);
  }
}
