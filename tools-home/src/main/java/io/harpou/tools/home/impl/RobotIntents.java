package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vacuums and lawn mowers: start, pause, stop, back to base, and "vacuum the kitchen", which sends a vacuum able to
 * clean by area (Home Assistant's {@code vacuum.clean_area}) from the same floor, else starts one that lives there.
 */
final class RobotIntents {

  /** VacuumEntityFeature.CLEAN_AREA. */
  static final int CLEAN_AREA = 16384;

  private RobotIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    for (String action : new String[] {"start", "pause", "stop", "return"}) {
      handlers.put("vacuum_" + action, (c, e, s) -> robot(c, e, s, action));
      handlers.put("mower_" + action, (c, e, s) -> robot(c, e, s, action));
    }
    handlers.put("vacuum_clean", RobotIntents::cleanArea);
  }

  private static IntentMatch robot(MatchContext c, IntentEntry e, Slots s, String action) {
    return DeviceIntents.simple(c, e, s, "robot", new JsonObject().put("action", action));
  }

  private static IntentMatch cleanArea(MatchContext c, IntentEntry e, Slots s) {
    String said = s.get("area");
    if (said == null) {
      return null;
    }
    Resolution r = c.resolve(said, java.util.Set.of(), false);
    if (r.status() == Resolution.Status.UNKNOWN_PLACE || r.status() == Resolution.Status.UNKNOWN_NAME) {
      Resolution asPlace = r.status() == Resolution.Status.UNKNOWN_NAME && r.place() == null
          ? Resolution.unknown(Resolution.Status.UNKNOWN_PLACE, Resolver.spoken(said).keyText(), null, List.of())
          : r;
      return c.explain(e, asPlace, null);
    }
    if (r.status() != Resolution.Status.PLACE_ONLY) {
      return null;
    }
    Place place = r.place();
    List<HomeEntity> vacuums = c.index.ofDomain("vacuum");
    List<HomeEntity> capable = new ArrayList<>();
    for (HomeEntity v : vacuums) {
      if (cleansByArea(c, v) && sameFloor(c, v, place)) {
        capable.add(v);
      }
    }
    List<HomeEntity> living = vacuums.stream().filter(v -> place.areaIds().contains(v.areaId())).toList();
    if (capable.isEmpty()) {
      // No vacuum cleans by area here: one that lives in the room cleans it by starting.
      return living.isEmpty() ? IntentMatch.say(e.intent(), c.say("no_vacuum_for", c.placeName(place)), true)
          : call(e, living, new JsonObject().put("action", "start"));
    }
    List<HomeEntity> capableHere = capable.stream().filter(living::contains).toList();
    if (!capableHere.isEmpty()) {
      capable = capableHere;
    }
    JsonArray areas = new JsonArray(new ArrayList<>(place.areaIds()));
    JsonObject args = new JsonObject().put("action", "clean_area").put("area_id", areas);
    if (capable.size() > 1) {
      return c.ask(e, Resolution.ambiguous(capable, place, List.of("vacuum")), chosen -> call(e, chosen, args));
    }
    return call(e, capable, args);
  }

  private static boolean cleansByArea(MatchContext c, HomeEntity vacuum) {
    int features = c.home.gateway().state(vacuum.entityId())
        .map(st -> st.attributes().getInteger("supported_features", 0)).orElse(0);
    return (features & CLEAN_AREA) != 0;
  }

  private static boolean sameFloor(MatchContext c, HomeEntity vacuum, Place place) {
    var floor = c.index.floorOf(vacuum.areaId());
    if (floor == null) {
      return true;
    }
    return place.areas().stream().allMatch(a -> floor.floorId().equals(a.floorId()));
  }

  private static IntentMatch call(IntentEntry e, List<HomeEntity> vacuums, JsonObject args) {
    JsonArray ids = new JsonArray();
    vacuums.forEach(v -> ids.add(v.entityId()));
    return IntentMatch.call(e.intent(), ToolCall.of("robot", args.copy().put("entity_id", ids)), ids.getList(),
        null);
  }
}
