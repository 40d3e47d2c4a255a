package io.harpou.tools.home.impl;

import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Media players: transport and volume (of the player that is playing when none is named, as Home Assistant does),
 * sources, and search-and-play ("play Miles Davis in the kitchen").
 */
final class MediaIntents {

  private static final Set<String> MEDIA = Set.of("media_player");

  private MediaIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("media", MediaIntents::control);
    handlers.put("media_volume", MediaIntents::volume);
    handlers.put("media_volume_step", MediaIntents::volumeStep);
    handlers.put("media_source", (c, e, s) -> s.get("source") == null ? null
        : player(c, e, s, args(e).put("action", "source").put("source", s.original("source"))));
    handlers.put("media_play", MediaIntents::play);
  }

  private static JsonObject args(IntentEntry e) {
    return e.args().copy();
  }

  private static IntentMatch control(MatchContext c, IntentEntry e, Slots s) {
    return player(c, e, s, args(e));
  }

  private static IntentMatch volume(MatchContext c, IntentEntry e, Slots s) {
    Double n = s.number();
    if (n == null || n < 0 || n > 100) {
      return null;
    }
    return player(c, e, s, args(e).put("action", "volume_set").put("volume", n));
  }

  /** "Louder", "turn it down by 20 percent". */
  private static IntentMatch volumeStep(MatchContext c, IntentEntry e, Slots s) {
    boolean up = e.args().getBoolean("up", true);
    Double n = s.number();
    if (n == null) {
      return player(c, e, s, new JsonObject().put("action", up ? "volume_up" : "volume_down"));
    }
    if (n <= 0 || n > 100) {
      return null;
    }
    return player(c, e, s, new JsonObject().put("action", "volume_step").put("step", up ? n : -n));
  }

  /** A media_control call on the named player, or the one {@link PlayerChoice} picks. */
  private static IntentMatch player(MatchContext c, IntentEntry e, Slots s, JsonObject args) {
    String name = DeviceIntents.target(s);
    Function<List<HomeEntity>, IntentMatch> onFound = players -> c.call(e, "media_control", args.copy(), players);
    if (name == null || PlayerChoice.generic(c, name)) {
      Resolution r = PlayerChoice.byActivity(c, "play".equals(args.getString("action")));
      if (r == null) {
        return null;
      }
      return r.found() ? onFound.apply(r.entities()) : c.ask(e, r, onFound);
    }
    return c.act(e, name, onFound);
  }

  /** "Play FIP", "play the album Kind of Blue on the office speaker", "mets Édith Piaf dans la cuisine". */
  private static IntentMatch play(MatchContext c, IntentEntry e, Slots s) {
    String query = s.original("query");
    if (query == null || query.isBlank() || !looksLikeMedia(c, query)) {
      return null;
    }
    JsonObject args = new JsonObject().put("query", query);
    String mediaClass = s.get("class") == null ? null : c.vocabulary.mediaClass(s.get("class"));
    if (mediaClass != null) {
      args.put("media_class", mediaClass);
    }
    Function<List<HomeEntity>, IntentMatch> onFound = players -> c.call(e, "play_media", args.copy(), players);
    String name = DeviceIntents.target(s);
    if (name != null) {
      Resolution r = c.resolve(name, MEDIA, false);
      if (r.status() == Resolution.Status.PLACE_ONLY) {
        return choose(c, e, onFound, players(c, r.place().areaIds()), r.place());
      }
      if (r.status() == Resolution.Status.FOUND && r.entities().size() > 1) {
        return choose(c, e, onFound, r.entities(), r.place());
      }
      return c.act(e, name, onFound);
    }
    var room = c.index.area(c.room);
    List<HomeEntity> pool = room == null ? c.index.ofDomain("media_player") : players(c, List.of(room.areaId()));
    return choose(c, e, onFound, pool, null);
  }

  /**
   * "Mets la lumière à 50 %" is not a song: a query naming a kind of device, a place, a device of the home or a
   * number is some other request.
   */
  private static boolean looksLikeMedia(MatchContext c, String query) {
    Resolver.Spoken spoken = Resolver.spoken(query);
    if (spoken.key().isEmpty() || c.index.byName.containsKey(spoken.keyText())) {
      return false;
    }
    for (String w : spoken.key()) {
      if (c.vocabulary.kinds(w) != null || c.index.areasByKey.containsKey(w) || c.index.floorsByKey.containsKey(w)
          || NumberWords.parse(w) != null || DurationWords.WORDS.contains(w) || w.equals("%")) {
        return false;
      }
    }
    return true;
  }

  private static List<HomeEntity> players(MatchContext c, List<String> areaIds) {
    List<HomeEntity> out = new java.util.ArrayList<>();
    areaIds.forEach(a -> out.addAll(c.index.inArea(a, MEDIA)));
    return out;
  }

  /** The one player of {@code pool} able to search, or a question among several; a refusal when none can. */
  private static IntentMatch choose(MatchContext c, IntentEntry e, Function<List<HomeEntity>, IntentMatch> onFound,
                                    List<HomeEntity> pool, Place place) {
    List<HomeEntity> able = PlayerChoice.searching(c, pool);
    if (able.size() == 1) {
      return onFound.apply(able);
    }
    if (able.isEmpty()) {
      return IntentMatch.say(e.intent(), c.say("no_player_to_search", c.placeName(place)), true);
    }
    return c.ask(e, Resolution.ambiguous(able, place, List.of("media_player")), onFound);
  }
}
