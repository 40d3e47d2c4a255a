package io.harpou.testkit.mopidy.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small library as Mopidy-Local and Mopidy-Tidal expose theirs: {@code Track}, {@code Album} and {@code Artist}
 * models with {@code __model__}, searched per backend as {@code core.library.search} does (each value of each field
 * must match; {@code any} matches the title, album, artists and genre) and looked up by track or album URI.
 */
final class Library {

  private final List<JsonObject> tracks = new ArrayList<>();

  Library() {
    album("local", "kind-of-blue", "Kind of Blue", "Miles Davis", "1959", "Jazz", "So What:562", "Freddie Freeloader:589",
        "Blue in Green:337", "All Blues:693", "Flamenco Sketches:566");
    album("local", "giant-steps", "Giant Steps", "John Coltrane", "1960", "Jazz", "Giant Steps:286", "Naima:261",
        "Mr. P.C.:420");
    album("local", "ok-computer", "OK Computer", "Radiohead", "1997", "Rock", "Airbag:284", "Paranoid Android:383",
        "Karma Police:261");
    album("tidal", "1234567", "Come Away with Me", "Norah Jones", "2002", "Jazz", "Don't Know Why:186",
        "Come Away with Me:198");
    album("tidal", "7654321", "Discovery", "Daft Punk", "2001", "Electronic", "One More Time:320",
        "Digital Love:298");
  }

  private void album(String scheme, String id, String name, String artistName, String date, String genre,
                     String... titles) {
    JsonObject artist = new JsonObject().put("__model__", "Artist")
        .put("uri", scheme + ":artist:" + artistName.toLowerCase(Locale.ROOT).replace(' ', '-'))
        .put("name", artistName);
    JsonObject album = new JsonObject().put("__model__", "Album").put("uri", scheme + ":album:" + id)
        .put("name", name).put("artists", new JsonArray().add(artist)).put("num_tracks", titles.length)
        .put("date", date);
    for (int i = 0; i < titles.length; i++) {
      String[] parts = titles[i].split(":");
      tracks.add(new JsonObject().put("__model__", "Track").put("uri", scheme + ":track:" + id + ":" + (i + 1))
          .put("name", parts[0]).put("artists", new JsonArray().add(artist)).put("album", album)
          .put("genre", genre).put("track_no", i + 1).put("date", date)
          .put("length", Integer.parseInt(parts[1]) * 1000));
    }
  }

  /** The URI schemes of the backends, as {@code core.get_uri_schemes} lists them. */
  List<String> schemes() {
    return List.of("local", "tidal");
  }

  /** One {@code SearchResult} per backend whose scheme {@code uris} allows (all when null). */
  JsonArray search(JsonObject query, JsonArray uris, boolean exact) {
    JsonArray results = new JsonArray();
    for (String scheme : schemes()) {
      if (uris != null && uris.stream().noneMatch(u -> String.valueOf(u).startsWith(scheme + ":"))) {
        continue;
      }
      Map<String, JsonObject> albums = new LinkedHashMap<>();
      Map<String, JsonObject> artists = new LinkedHashMap<>();
      JsonArray found = new JsonArray();
      for (JsonObject track : tracks) {
        if (track.getString("uri").startsWith(scheme + ":") && matches(track, query, exact)) {
          found.add(track);
          albums.putIfAbsent(track.getJsonObject("album").getString("uri"), track.getJsonObject("album"));
          JsonObject artist = track.getJsonArray("artists").getJsonObject(0);
          artists.putIfAbsent(artist.getString("uri"), artist);
        }
      }
      results.add(new JsonObject().put("__model__", "SearchResult").put("uri", scheme + ":search")
          .put("tracks", found).put("albums", new JsonArray(new ArrayList<>(albums.values())))
          .put("artists", new JsonArray(new ArrayList<>(artists.values()))));
    }
    return results;
  }

  /** The tracks of a track, album or artist URI, as {@code core.library.lookup} gives them. */
  List<JsonObject> lookup(String uri) {
    return tracks.stream().filter(t -> t.getString("uri").equals(uri)
        || t.getJsonObject("album").getString("uri").equals(uri)
        || t.getJsonArray("artists").getJsonObject(0).getString("uri").equals(uri)).toList();
  }

  private static boolean matches(JsonObject track, JsonObject query, boolean exact) {
    for (String field : query.fieldNames()) {
      Object values = query.getValue(field);
      JsonArray list = values instanceof JsonArray a ? a : new JsonArray().add(values);
      for (Object value : list) {
        String wanted = String.valueOf(value).toLowerCase(Locale.ROOT);
        if (fields(track, field).stream().noneMatch(have -> exact ? have.equals(wanted) : have.contains(wanted))) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<String> fields(JsonObject track, String field) {
    String name = track.getString("name");
    String album = track.getJsonObject("album").getString("name");
    String artist = track.getJsonArray("artists").getJsonObject(0).getString("name");
    String genre = track.getString("genre");
    List<String> values = switch (field) {
      case "any" -> List.of(name, album, artist, genre, track.getString("date"));
      case "track_name" -> List.of(name);
      case "album" -> List.of(album);
      case "artist", "albumartist" -> List.of(artist);
      case "genre" -> List.of(genre);
      case "date" -> List.of(track.getString("date"));
      case "uri" -> List.of(track.getString("uri"));
      default -> throw new IllegalArgumentException("Invalid search field: " + field);
    };
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }
}
