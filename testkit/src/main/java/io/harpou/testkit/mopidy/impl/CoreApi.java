package io.harpou.testkit.mopidy.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code core.*} methods the simulator serves, with their parameters as {@code core.describe} lists them (a
 * parameter without {@code default} is required), and the arguments of a call bound to them by position or by name.
 */
final class CoreApi {

  /** A method's parameter; {@code required} ones have no default. */
  record Param(String name, boolean required, Object defaultValue) {
  }

  /** One method: its parameters and what it does with the bound arguments. */
  record Method(String description, List<Param> params, Function<JsonObject, Object> run) {
  }

  private final Map<String, Method> methods = new LinkedHashMap<>();

  CoreApi(Library library, Player player) {
    add("core.get_version", "Get version of the Mopidy core API", a -> "3.4.2");
    add("core.get_uri_schemes", "Get list of URI schemes we can handle", a -> new JsonArray(library.schemes()));
    add("core.library.search", "Search the library for tracks where field contains values.",
        a -> library.search(a.getJsonObject("query", new JsonObject()), a.getJsonArray("uris"),
            a.getBoolean("exact", false)), opt("query"), opt("uris"), new Param("exact", false, false));
    add("core.library.lookup", "Lookup the given URIs.", a -> {
      JsonObject found = new JsonObject();
      a.getJsonArray("uris", new JsonArray()).forEach(u -> found.put(String.valueOf(u),
          new JsonArray(library.lookup(String.valueOf(u)))));
      return found;
    }, opt("uris"));
    add("core.tracklist.add", "Add tracks to the tracklist.", a -> {
      List<JsonObject> tracks = new ArrayList<>();
      if (a.getJsonArray("tracks") != null) {
        a.getJsonArray("tracks").forEach(t -> tracks.add((JsonObject) t));
      }
      a.getJsonArray("uris", new JsonArray()).forEach(u -> tracks.addAll(library.lookup(String.valueOf(u))));
      return player.add(tracks, a.getInteger("at_position"));
    }, opt("tracks"), opt("at_position"), opt("uris"));
    add("core.tracklist.clear", "Clear the tracklist.", a -> {
      player.clear();
      return null;
    });
    add("core.tracklist.get_tl_tracks", "Get tracklist as list of TlTrack.", a -> player.tlTracks());
    add("core.tracklist.get_tracks", "Get tracklist as list of Track.", a -> new JsonArray(player.tlTracks()
        .stream().map(t -> ((JsonObject) t).getJsonObject("track")).toList()));
    add("core.tracklist.get_length", "Get length of the tracklist.", a -> player.tlTracks().size());
    add("core.playback.play", "Play the given track, or if the given tl_track and tlid is None, play the currently "
        + "active track.", a -> {
          JsonObject tl = a.getJsonObject("tl_track");
          player.play(tl != null ? tl.getInteger("tlid") : a.getInteger("tlid"));
          return null;
        }, opt("tl_track"), opt("tlid"));
    add("core.playback.next", "Change to the next track.", a -> run(player::next));
    add("core.playback.previous", "Change to the previous track.", a -> run(player::previous));
    add("core.playback.pause", "Pause playback.", a -> run(player::pause));
    add("core.playback.resume", "If paused, resume playing the current track.", a -> run(player::resume));
    add("core.playback.stop", "Stop playing.", a -> run(player::stop));
    add("core.playback.get_state", "Get The playback state.", a -> player.state());
    add("core.playback.get_current_tl_track", "Get the currently playing or selected track.",
        a -> player.currentTlTrack());
    add("core.playback.get_current_track", "Get the currently playing or selected track.", a -> {
      JsonObject tl = player.currentTlTrack();
      return tl == null ? null : tl.getJsonObject("track");
    });
    add("core.playback.get_time_position", "Get time position in milliseconds.", a -> 0);
    add("core.mixer.get_volume", "Get the volume.", a -> player.volume());
    add("core.mixer.set_volume", "Set the volume.", a -> player.setVolume(a.getValue("volume")),
        new Param("volume", true, null));
    add("core.mixer.get_mute", "Get mute state.", a -> player.mute());
    add("core.mixer.set_mute", "Set mute state.", a -> player.setMute(a.getValue("mute")),
        new Param("mute", true, null));
  }

  private static Object run(Runnable action) {
    action.run();
    return null;
  }

  private static Param opt(String name) {
    return new Param(name, false, null);
  }

  private void add(String name, String description, Function<JsonObject, Object> run, Param... params) {
    methods.put(name, new Method(description, List.of(params), run));
  }

  Method method(String name) {
    return methods.get(name);
  }

  /** What {@code core.describe} answers. */
  JsonObject describe() {
    JsonObject out = new JsonObject();
    methods.forEach((name, m) -> {
      JsonArray params = new JsonArray();
      m.params().forEach(p -> params.add(p.required() ? new JsonObject().put("name", p.name())
          : new JsonObject().put("name", p.name()).put("default", p.defaultValue())));
      out.put(name, new JsonObject().put("description", m.description()).put("params", params));
    });
    out.put("core.describe", new JsonObject().put("description", "Describe the API").put("params",
        new JsonArray()));
    return out;
  }

  /**
   * Binds {@code params} (an array by position, an object by name) to {@code method}'s parameters.
   *
   * @throws IllegalArgumentException as Python's TypeError would say it: too many, unknown or missing arguments
   */
  static JsonObject bind(String name, Method method, Object params) {
    JsonObject bound = new JsonObject();
    List<Param> declared = method.params();
    if (params instanceof JsonArray list) {
      if (list.size() > declared.size()) {
        throw new IllegalArgumentException(name + "() takes " + declared.size() + " positional arguments but "
            + list.size() + " were given");
      }
      for (int i = 0; i < list.size(); i++) {
        bound.put(declared.get(i).name(), list.getValue(i));
      }
    } else if (params instanceof JsonObject named) {
      for (String key : named.fieldNames()) {
        if (declared.stream().noneMatch(p -> p.name().equals(key))) {
          throw new IllegalArgumentException(name + "() got an unexpected keyword argument '" + key + "'");
        }
      }
      bound.mergeIn(named);
    }
    for (Param p : declared) {
      if (p.required() && bound.getValue(p.name()) == null) {
        throw new IllegalArgumentException(name + "() missing 1 required positional argument: '" + p.name() + "'");
      }
    }
    return bound;
  }
}
