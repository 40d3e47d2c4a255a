package io.harpou.tools.media.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.media.MopidyOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * play_music: searches Mopidy's library (an artist, an album, a track, a genre or anything) and plays what it found,
 * replacing the tracklist: a whole album, an artist's or a genre's tracks up to a limit, or one track.
 */
public final class PlayMusicTool implements Tool {

  private static final List<String> KINDS = List.of("any", "artist", "album", "track", "genre");
  private static final int MAX_QUERY = 200;

  private final MopidyOptions options;
  private final ToolSpec spec;

  /** The tool over {@code options}' server. */
  public PlayMusicTool(MopidyOptions options) {
    this.options = options;
    JsonObject properties = new JsonObject()
        .put("query", new JsonObject().put("type", "string").put("maxLength", MAX_QUERY)
            .put("description", "What to play: an artist, an album or a track name, a genre such as jazz"))
        .put("kind", new JsonObject().put("type", "string").put("enum", new JsonArray(KINDS))
            .put("description", "What the query names; any when unsure"))
        .put("source", new JsonObject().put("type", "string").put("pattern", "^[a-z][a-z0-9+.-]{0,19}$")
            .put("description", "Only this library, such as local or tidal; all when absent"));
    this.spec = new ToolSpec("play_music", "Finds music in the Mopidy music server's library (local files, TIDAL) "
        + "and plays it on its speakers" + (options.room() == null ? "" : " in the " + options.room())
        + ", replacing what was queued.", new JsonObject().put("type", "object").put("properties", properties)
        .put("required", new JsonArray().add("query")), Risk.ACT, false);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    JsonObject args = call.arguments();
    String query = args.getValue("query") instanceof String q ? q.strip() : "";
    String kind = args.getString("kind", "any");
    String source = args.getValue("source") instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : null;
    if (query.isEmpty() || query.length() > MAX_QUERY) {
      throw new ToolArgumentsException("query is 1 to " + MAX_QUERY + " characters");
    }
    if (!KINDS.contains(kind)) {
      throw new ToolArgumentsException("kind is one of " + KINDS);
    }
    if (source != null && !source.matches("[a-z][a-z0-9+.-]{0,19}")) {
      throw new ToolArgumentsException("source is a library name such as local or tidal");
    }
    boolean french = context.language().startsWith("fr");
    MopidyClient mopidy = new MopidyClient(context.vertx(), options);
    JsonObject search = new JsonObject().put("query", new JsonObject().put(field(kind), new JsonArray().add(query)));
    if (source != null) {
      search.put("uris", new JsonArray().add(source + ":"));
    }
    return mopidy.array("core.library.search", search)
        .compose(results -> choose(results, kind, query, french))
        .compose(choice -> choice == null
            ? Future.succeededFuture(ToolResult.error((french ? "Rien ne correspond à « " + query
            + " » dans la bibliothèque de Mopidy." : "Nothing in Mopidy's library matches \"" + query + "\".")))
            : play(mopidy, choice, french))
        .otherwise(e -> ToolResult.error(e.getMessage()))
        .eventually(mopidy::close);
  }

  /** What the search came to: the URIs to queue and how to name them. */
  private record Choice(JsonArray uris, String label) {
  }

  private Future<Choice> choose(JsonArray results, String kind, String query, boolean french) {
    List<JsonObject> tracks = Tracks.all(results, "tracks");
    if ("album".equals(kind)) {
      JsonObject album = Tracks.best(Tracks.all(results, "albums"), query);
      return Future.succeededFuture(album == null ? null
          : new Choice(new JsonArray().add(album.getString("uri")), Tracks.albumLabel(album, french)));
    }
    if ("track".equals(kind)) {
      JsonObject track = Tracks.best(tracks, query);
      return Future.succeededFuture(track == null ? null
          : new Choice(new JsonArray().add(track.getString("uri")), Tracks.label(track, french)));
    }
    if (tracks.isEmpty()) {
      return Future.succeededFuture(null);
    }
    List<JsonObject> chosen = tracks.subList(0, Math.min(tracks.size(), options.maxTracks()));
    String label = (french ? chosen.size() + " morceaux pour « " : chosen.size() + " tracks for \"") + query
        + (french ? " »" : "\"");
    return Future.succeededFuture(new Choice(new JsonArray(chosen.stream().map(t -> t.getString("uri")).toList()),
        chosen.size() == 1 ? Tracks.label(chosen.get(0), french) : label));
  }

  private Future<ToolResult> play(MopidyClient mopidy, Choice choice, boolean french) {
    return mopidy.call("core.tracklist.clear", null)
        .compose(v -> mopidy.array("core.tracklist.add", new JsonObject().put("uris", choice.uris())))
        .compose(added -> added.isEmpty()
            ? Future.succeededFuture(ToolResult.error(french ? "Mopidy n'a rien pu mettre en file."
            : "Mopidy queued nothing."))
            : mopidy.call("core.playback.play", null)
                .compose(v -> mopidy.call("core.playback.get_current_track", null))
                .map(current -> ToolResult.ok(new JsonObject()
                    .put("message", (french ? "Je joue " : "Playing ") + choice.label()
                        + (options.room() == null || french ? "." : " in the " + options.room() + "."))
                    .put("queued", added.size())
                    .put("now_playing", current instanceof JsonObject t ? Tracks.label(t, french) : null))));
  }

  private static String field(String kind) {
    return switch (kind) {
      case "track" -> "track_name";
      default -> kind;
    };
  }
}
