package io.harpou.tools.media.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.media.MopidyOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** now_playing: what Mopidy plays (or has paused), and at which volume. */
public final class NowPlayingTool implements Tool {

  private final MopidyOptions options;
  private final ToolSpec spec;

  /** The tool over {@code options}' server. */
  public NowPlayingTool(MopidyOptions options) {
    this.options = options;
    this.spec = ToolSpec.of("now_playing", "Says what the Mopidy music server is playing"
        + (options.room() == null ? "" : " in the " + options.room()) + " (track, artist, album) and its volume.",
        Risk.READ);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    boolean french = context.language().startsWith("fr");
    MopidyClient mopidy = new MopidyClient(context.vertx(), options);
    return mopidy.call("core.playback.get_state", null)
        .compose(state -> mopidy.call("core.playback.get_current_track", null)
            .compose(track -> mopidy.call("core.mixer.get_volume", null).map(volume -> {
              JsonObject out = new JsonObject().put("state", state).put("volume", volume);
              if (!(track instanceof JsonObject t) || "stopped".equals(state)) {
                return ToolResult.ok(out.put("message", french ? "Rien ne joue." : "Nothing is playing."));
              }
              String label = Tracks.label(t, french);
              return ToolResult.ok(out.put("track", label).put("message", ("paused".equals(state)
                  ? (french ? "En pause : " : "Paused: ") : (french ? "En cours : " : "Playing ")) + label + "."));
            })))
        .otherwise(e -> ToolResult.error(e.getMessage()))
        .eventually(mopidy::close);
  }
}
