package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.tools.home.HomeEntity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** media_control: transport, volume, mute and source of media players. */
final class MediaControlTool extends HomeTool {

  MediaControlTool(HomeAccess access) {
    super(access, new ToolSpec("media_control", "Controls a media player (TV, speaker): play, pause, stop, next, "
        + "previous, volume_set (volume 0-100), volume_up, volume_down, volume_step (step -100..100, percent "
        + "points), mute, unmute, or source (source name).",
        schema(), Risk.ACT, false));
  }

  private static JsonObject schema() {
    JsonObject s = Schemas.targeted();
    Schemas.with(s, "action", Schemas.choice("What to do", "play", "pause", "stop", "next", "previous",
        "volume_set", "volume_up", "volume_down", "volume_step", "mute", "unmute", "source"));
    Schemas.with(s, "volume", Schemas.number("Volume in percent for volume_set", 0, 100));
    Schemas.with(s, "step", Schemas.number("Percent points to add (or take off) for volume_step", -100, 100));
    Schemas.with(s, "source", Schemas.string("Input source for action 'source', e.g. HDMI 1"));
    return Schemas.required(s, "action");
  }

  @Override
  Future<ToolResult> run(ToolRequest request) {
    String action = request.requireString("action");
    Double volume = request.number("volume", 0, 100);
    Double step = request.number("step", -100, 100);
    if ("volume_step".equals(action)) {
      if (step == null) {
        throw new ToolArgumentsException("step is required for volume_step");
      }
      return volumeStep(request, step);
    }
    String source = request.string("source");
    if ("volume_set".equals(action) && volume == null) {
      throw new ToolArgumentsException("volume is required for volume_set");
    }
    if ("source".equals(action) && source == null) {
      throw new ToolArgumentsException("source is required for action 'source'");
    }
    String service = switch (action) {
      case "play" -> "media_play";
      case "pause" -> "media_pause";
      case "stop" -> "media_stop";
      case "next" -> "media_next_track";
      case "previous" -> "media_previous_track";
      case "volume_set" -> "volume_set";
      case "volume_up" -> "volume_up";
      case "volume_down" -> "volume_down";
      case "mute", "unmute" -> "volume_mute";
      case "source" -> "select_source";
      default -> throw new ToolArgumentsException("unknown action '" + action + "'");
    };
    List<HomeEntity> players = request.targets(Set.of("media_player"));
    JsonObject data = new JsonObject();
    String names = request.names(players);
    String text;
    switch (action) {
      case "volume_set" -> {
        int v = (int) Math.round(volume);
        data.put("volume_level", v / 100.0);
        text = request.say("volume", names, v);
      }
      case "mute", "unmute" -> {
        data.put("is_volume_muted", "mute".equals(action));
        text = request.say(action, names);
      }
      case "source" -> {
        String chosen = matchSource(request, players, source);
        data.put("source", chosen);
        text = request.say("source", names, chosen);
      }
      default -> text = request.say(action, names);
    }
    return request.call("media_player", service, players, data).map(r -> ToolResult.ok(text));
  }

  /** Each player's volume moved by {@code step} points from where it is, within 0 and 100. */
  private static Future<ToolResult> volumeStep(ToolRequest request, double step) {
    List<HomeEntity> players = request.targets(Set.of("media_player"));
    List<Future<JsonObject>> calls = new java.util.ArrayList<>();
    for (HomeEntity p : players) {
      double now = request.home.state(p.entityId()).map(st -> st.attributes().getDouble("volume_level", 0.0))
          .orElse(0.0);
      double level = Math.max(0, Math.min(1, Math.round(now * 100 + step) / 100.0));
      calls.add(request.call("media_player", "volume_set", List.of(p), new JsonObject().put("volume_level", level)));
    }
    String key = step > 0 ? "volume_up" : "volume_down";
    return Future.all(calls).map(done -> ToolResult.ok(request.say(key, request.names(players))));
  }

  /** The player's own spelling of the source when it lists one that matches what was said. */
  private static String matchSource(ToolRequest request, List<HomeEntity> players, String source) {
    String wanted = Text.key(source);
    for (HomeEntity p : players) {
      var list = request.home.state(p.entityId()).map(s -> s.attributes().getJsonArray("source_list"))
          .orElse(null);
      if (list != null) {
        for (Object o : list) {
          if (Text.key(String.valueOf(o)).equals(wanted)) {
            return String.valueOf(o);
          }
        }
      }
    }
    return source;
  }
}
