package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Switching, opening and closing, scenes and scripts, locks, the alarm and pet feeders. */
final class DeviceIntents {

  /** What is playing rather than a device: "turn off the music" is a media stop, not a power switch. */
  private static final Set<String> MUSIC = Set.of("music", "song", "track", "playback", "musique", "chanson",
      "morceau", "lecture", "radio");

  private DeviceIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("turn_on", (c, e, s) -> onOff(c, e, s, "turn_on"));
    handlers.put("turn_off", (c, e, s) -> onOff(c, e, s, "turn_off"));
    handlers.put("toggle", (c, e, s) -> onOff(c, e, s, "toggle"));
    handlers.put("open", (c, e, s) -> cover(c, e, s, "open"));
    handlers.put("close", (c, e, s) -> cover(c, e, s, "close"));
    handlers.put("stop", (c, e, s) -> cover(c, e, s, "stop"));
    handlers.put("position", DeviceIntents::position);
    handlers.put("lock", (c, e, s) -> simple(c, e, s, "lock", new JsonObject()));
    handlers.put("unlock", (c, e, s) -> simple(c, e, s, "unlock", new JsonObject()));
    handlers.put("alarm_arm", DeviceIntents::arm);
    handlers.put("alarm_disarm", (c, e, s) -> simple(c, e, s, "set_alarm", code(s).put("mode", "disarmed")));
    handlers.put("activate_scene", (c, e, s) -> simple(c, e, s, "activate_scene", new JsonObject()));
    handlers.put("run_script", (c, e, s) -> simple(c, e, s, "run_script", new JsonObject()));
    handlers.put("feed", DeviceIntents::feed);
    LightIntents.register(handlers);
    RobotIntents.register(handlers);
  }

  /** The target phrase of a sentence: its name, and the place said after a state ("on in the kitchen"). */
  static String target(Slots s) {
    String name = s.get("name");
    String where = s.get("where");
    if (where == null) {
      return name;
    }
    return name == null ? where : name + " " + where;
  }

  private static IntentMatch onOff(MatchContext c, IntentEntry e, Slots s, String tool) {
    String name = target(s);
    if (name != null && MUSIC.contains(Resolver.spoken(name).keyText())) {
      return null;
    }
    return simple(c, e, s, tool, e.args().copy());
  }

  /** One tool on the sentence's target, with fixed arguments. */
  static IntentMatch simple(MatchContext c, IntentEntry e, Slots s, String tool, JsonObject args) {
    JsonObject merged = e.args().copy().mergeIn(args);
    return c.act(e, target(s), targets -> c.call(e, tool, merged.copy(), targets));
  }

  private static IntentMatch cover(MatchContext c, IntentEntry e, Slots s, String action) {
    return simple(c, e, s, "set_cover", new JsonObject().put("action", action));
  }

  private static IntentMatch position(MatchContext c, IntentEntry e, Slots s) {
    Double n = s.number();
    if (n == null) {
      n = e.args().getDouble("position");
    }
    if (n == null || n < 0 || n > 100) {
      return null;
    }
    return simple(c, e, s, "set_cover", new JsonObject().put("action", "position").put("position", n));
  }

  private static IntentMatch arm(MatchContext c, IntentEntry e, Slots s) {
    String said = s.get("alarm");
    String mode = said == null ? e.args().getString("mode", "armed_away") : c.vocabulary.alarmMode(said);
    return mode == null ? null : simple(c, e, s, "set_alarm", code(s).put("mode", mode));
  }

  private static JsonObject code(Slots s) {
    String code = s.get("code");
    JsonObject args = new JsonObject();
    if (code != null) {
      String digits = code.replace(" ", "");
      if (!digits.matches("\\d{1,12}")) {
        return args.put("code", "");
      }
      args.put("code", digits);
    }
    return args;
  }

  /** "Feed the cat": the feeder buttons whose names hold the pet's word. */
  private static IntentMatch feed(MatchContext c, IntentEntry e, Slots s) {
    String pet = s.get("pet");
    if (pet == null) {
      return null;
    }
    List<HomeEntity> feeders = new java.util.ArrayList<>();
    for (String word : c.vocabulary.petWords(pet)) {
      for (HomeEntity b : c.index.ofDomain("button")) {
        if (c.index.nameHasAll(b, List.of(word)) && !feeders.contains(b)) {
          feeders.add(b);
        }
      }
    }
    if (feeders.isEmpty()) {
      return IntentMatch.say(e.intent(), c.say("no_feeder", pet), true);
    }
    if (feeders.size() > 1) {
      return c.ask(e, Resolution.ambiguous(feeders, null, List.of("button")),
          chosen -> press(e, chosen));
    }
    return press(e, feeders);
  }

  private static IntentMatch press(IntentEntry e, List<HomeEntity> buttons) {
    JsonArray ids = new JsonArray();
    buttons.forEach(b -> ids.add(b.entityId()));
    return IntentMatch.call(e.intent(), ToolCall.of("press_button", new JsonObject().put("entity_id", ids)),
        ids.getList(), null);
  }
}
