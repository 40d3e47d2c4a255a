package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Questions about the home, each a {@code get_state} call with hints for wording the answer: temperature and
 * humidity of a room, floor or device, yes/no about a state, which or how many of a kind are in a state, who is home,
 * a device's value; plus the weather (through {@code get_weather}) and the time and date (answered at once).
 */
final class QueryIntents {

  private static final Set<String> TEMPERATURE_DOMAINS = Set.of("sensor", "climate");
  private static final Set<String> HUMIDITY_DOMAINS = Set.of("sensor", "climate");

  private QueryIntents() {
  }

  static void register(Map<String, IntentHandler> handlers) {
    handlers.put("get_temperature", (c, e, s) -> measure(c, e, DeviceIntents.target(s), "temperature",
        TEMPERATURE_DOMAINS));
    handlers.put("get_humidity", (c, e, s) -> measure(c, e, DeviceIntents.target(s), "humidity", HUMIDITY_DOMAINS));
    handlers.put("get_state_is", StateQueries::stateIs);
    handlers.put("what_state", StateQueries::whatState);
    handlers.put("which_are", (c, e, s) -> StateQueries.which(c, e, s, false));
    handlers.put("how_many", (c, e, s) -> StateQueries.which(c, e, s, true));
    handlers.put("anyone_home", StateQueries::people);
    handlers.put("get_weather", QueryIntents::weather);
    handlers.put("get_time", (c, e, s) -> IntentMatch.say(e.intent(), Clock.time(c.language,
        ZonedDateTime.now()), false));
    handlers.put("get_date", (c, e, s) -> IntentMatch.say(e.intent(), Clock.date(c.language,
        ZonedDateTime.now(), e.args().getInteger("days", 0)), false));
  }

  /** "What is the temperature in the living room?": the room's sensors of that class, else its thermostats. */
  private static IntentMatch measure(MatchContext c, IntentEntry e, String name, String what, Set<String> domains) {
    Place place = null;
    List<HomeEntity> sources = new ArrayList<>();
    if (name != null && c.vocabulary.outside(Resolver.spoken(name).keyText())) {
      return outside(c, e, what);
    }
    if (name != null) {
      Resolution r = c.resolve(name, domains, false);
      switch (r.status()) {
        case PLACE_ONLY -> place = r.place();
        case FOUND -> sources.addAll(r.entities().stream().filter(x -> gives(c, x, what)).toList());
        case UNKNOWN_PLACE -> {
          return c.explain(e, r, null);
        }
        case UNKNOWN_NAME -> {
          // "The temperature in the sauna": what is not a device is a room nobody knows.
          if (r.place() != null || r.heard() == null) {
            return null;
          }
          return c.explain(e, Resolution.unknown(Resolution.Status.UNKNOWN_PLACE, r.heard(), null, List.of()),
              null);
        }
        default -> {
          return null;
        }
      }
      if (place == null && sources.isEmpty()) {
        return null;
      }
    } else {
      var room = c.index.area(c.room);
      place = room == null ? null : new Place(room, c.index.floorOf(room.areaId()), null, List.of(room), List.of());
    }
    if (sources.isEmpty()) {
      List<String> areas = place != null ? place.areaIds() : null;
      sources = sensors(c, areas, what);
      if (sources.isEmpty()) {
        if (place != null) {
          return IntentMatch.say(e.intent(), c.say("no_" + what + "_there", c.placeName(place)), true);
        }
        return null;
      }
      if (place == null && sources.size() > 1) {
        c.rank = MatchContext.RANK_QUESTION;
        return IntentMatch.ask(e.intent(), c.say("which_room"));
      }
    }
    JsonObject hints = new JsonObject().put("query", what);
    if (place != null && place.isArea()) {
      hints.put("area", c.placeName(place));
    }
    return get(e, sources, hints);
  }

  /** "Outside": a sensor of that class whose name says outdoors, else the weather station. */
  private static IntentMatch outside(MatchContext c, IntentEntry e, String what) {
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity x : c.index.ofDomain("sensor")) {
      if (gives(c, x, what) && c.index.nameTexts(x).stream().anyMatch(n -> Text.words(n).stream()
          .anyMatch(w -> c.vocabulary.outside(Text.singular(w))))) {
        out.add(x);
      }
    }
    if (out.isEmpty()) {
      out.addAll(c.index.ofDomain("weather"));
    }
    if (out.isEmpty()) {
      return null;
    }
    return get(e, out.subList(0, 1), new JsonObject().put("query", what));
  }

  /** Sensors of class {@code what} in {@code areaIds} (everywhere when null), else thermostats there. */
  private static List<HomeEntity> sensors(MatchContext c, List<String> areaIds, String what) {
    List<HomeEntity> pool = new ArrayList<>();
    if (areaIds == null) {
      pool.addAll(c.index.ofDomain("sensor"));
      pool.addAll(c.index.ofDomain("climate"));
    } else {
      areaIds.forEach(a -> pool.addAll(c.index.inArea(a, Set.of("sensor", "climate"))));
    }
    List<HomeEntity> out = new ArrayList<>();
    for (HomeEntity x : pool) {
      if (x.domain().equals("sensor") && gives(c, x, what)) {
        out.add(x);
      }
    }
    if (out.isEmpty()) {
      for (HomeEntity x : pool) {
        if (x.domain().equals("climate") && gives(c, x, what)) {
          out.add(x);
        }
      }
    }
    return out;
  }

  /** True when {@code e} reports a temperature or a humidity. */
  static boolean gives(MatchContext c, HomeEntity e, String what) {
    if (e.domain().equals("climate")) {
      String attribute = what.equals("temperature") ? "current_temperature" : "current_humidity";
      return c.home.gateway().state(e.entityId()).map(st -> st.attributes().getValue(attribute) != null)
          .orElse(false);
    }
    if (what.equals(e.deviceClass())) {
      return true;
    }
    String unit = c.home.gateway().state(e.entityId())
        .map(st -> st.attributes().getString("unit_of_measurement")).orElse("");
    return what.equals("temperature") ? "°C".equals(unit) || "°F".equals(unit) : false;
  }

  private static IntentMatch weather(MatchContext c, IntentEntry e, Slots s) {
    List<HomeEntity> stations = c.index.ofDomain("weather");
    if (stations.isEmpty()) {
      return null;
    }
    JsonObject args = new JsonObject().put("when", e.args().getString("when", "now"))
        .put("entity_id", stations.get(0).entityId());
    return IntentMatch.call(e.intent(), ToolCall.of("get_weather", args), List.of(stations.get(0).entityId()),
        null);
  }

  /** A get_state call on {@code entities} with {@code hints}. */
  static IntentMatch get(IntentEntry entry, List<HomeEntity> entities, JsonObject hints) {
    JsonArray ids = new JsonArray();
    entities.forEach(x -> ids.add(x.entityId()));
    return IntentMatch.call(entry.intent(), ToolCall.of("get_state", new JsonObject().put("entity_id", ids)),
        ids.getList(), hints);
  }
}
