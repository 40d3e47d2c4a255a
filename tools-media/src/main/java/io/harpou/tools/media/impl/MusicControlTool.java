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

/** music_control: Mopidy's transport (next, previous, pause, resume, stop) and volume. */
public final class MusicControlTool implements Tool {

  private static final List<String> ACTIONS = List.of("next", "previous", "pause", "resume", "stop", "volume_set",
      "volume_up", "volume_down");
  private static final int VOLUME_STEP = 10;

  private final MopidyOptions options;
  private final ToolSpec spec;

  /** The tool over {@code options}' server. */
  public MusicControlTool(MopidyOptions options) {
    this.options = options;
    JsonObject properties = new JsonObject()
        .put("action", new JsonObject().put("type", "string").put("enum", new JsonArray(ACTIONS)))
        .put("volume", new JsonObject().put("type", "integer").put("minimum", 0).put("maximum", 100)
            .put("description", "Volume in percent, for volume_set"));
    this.spec = new ToolSpec("music_control", "Controls the music the Mopidy music server plays"
        + (options.room() == null ? "" : " in the " + options.room()) + ": next or previous track, pause, resume, "
        + "stop, or its volume.", new JsonObject().put("type", "object").put("properties", properties)
        .put("required", new JsonArray().add("action")), Risk.ACT, false);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String action = call.arguments().getString("action", "");
    if (!ACTIONS.contains(action)) {
      throw new ToolArgumentsException("action is one of " + ACTIONS);
    }
    Object volume = call.arguments().getValue("volume");
    if ("volume_set".equals(action) && !(volume instanceof Integer v && v >= 0 && v <= 100)) {
      throw new ToolArgumentsException("volume_set needs a volume from 0 to 100");
    }
    boolean french = context.language().startsWith("fr");
    MopidyClient mopidy = new MopidyClient(context.vertx(), options);
    Future<String> done = switch (action) {
      case "volume_set" -> volume(mopidy, (Integer) volume, french);
      case "volume_up", "volume_down" -> mopidy.call("core.mixer.get_volume", null)
          .compose(now -> volume(mopidy, Math.max(0, Math.min(100, (now instanceof Number n ? n.intValue() : 50)
              + ("volume_up".equals(action) ? VOLUME_STEP : -VOLUME_STEP))), french));
      case "next", "previous" -> mopidy.call("core.playback." + action, null)
          .compose(v -> mopidy.call("core.playback.get_current_track", null))
          .map(track -> track instanceof JsonObject t ? (french ? "Maintenant : " : "Now playing ")
              + Tracks.label(t, french) + "." : french ? "La liste est finie." : "That was the end of the list.");
      default -> mopidy.call("core.playback." + action, null).map(v -> said(action, french));
    };
    return done.map(ToolResult::ok).otherwise(e -> ToolResult.error(e.getMessage())).eventually(mopidy::close);
  }

  private static Future<String> volume(MopidyClient mopidy, int level, boolean french) {
    return mopidy.call("core.mixer.set_volume", new JsonObject().put("volume", level))
        .map(v -> (french ? "Volume de la musique à " : "Music volume set to ") + level + " %.");
  }

  private static String said(String action, boolean french) {
    return switch (action) {
      case "pause" -> french ? "Musique en pause." : "Music paused.";
      case "resume" -> french ? "La musique reprend." : "Music resumed.";
      default -> french ? "Musique arrêtée." : "Music stopped.";
    };
  }
}
