package io.harpou.tools.home.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.tools.home.HomeEntity;
import io.harpou.tools.home.IntentMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Questions about the home: each becomes a get_state call plus hints for wording the answer. */
final class Queries {

  private static final java.util.Set<String> TEMPERATURE_DOMAINS = java.util.Set.of("sensor", "climate");

  private Queries() {
  }

  /** "What is the temperature in the living room?": a temperature sensor of the area, else its thermostat. */
  static IntentMatch temperature(IntentHandlers h, IntentEntry entry, String name) {
    Area area = null;
    List<HomeEntity> sources = new ArrayList<>();
    if (name != null) {
      Resolution r = h.resolve(name, TEMPERATURE_DOMAINS, false);
      if (r.kind() == Resolution.Kind.AREA_ONLY) {
        area = r.area();
      } else if (r.found()) {
        sources.addAll(r.entities().stream().filter(Queries::givesTemperature).toList());
        if (sources.isEmpty()) {
          return null;
        }
      } else {
        return null;
      }
    } else {
      area = h.index.area(h.room);
    }
    if (sources.isEmpty()) {
      List<HomeEntity> pool = area != null ? h.index.inArea(area.areaId()) : allTemperatureSources(h);
      for (HomeEntity e : pool) {
        if (isTemperatureSensor(h, e)) {
          sources.add(e);
        }
      }
      if (sources.isEmpty()) {
        pool.stream().filter(e -> e.domain().equals("climate")).forEach(sources::add);
      }
      if (sources.isEmpty()) {
        return null;
      }
      if (area == null && sources.size() > 1) {
        return IntentMatch.ask(entry.intent(), Messages.say(h.language, "which_room"));
      }
    }
    HomeEntity chosen = sources.get(0);
    JsonObject hints = new JsonObject().put("query", "temperature");
    if (area != null) {
      boolean fr = h.language != null && h.language.startsWith("fr");
      hints.put("area", fr && !area.aliases().isEmpty() ? area.aliases().get(0) : area.name());
    }
    return call(entry, chosen, hints);
  }

  private static List<HomeEntity> allTemperatureSources(IntentHandlers h) {
    List<HomeEntity> out = new ArrayList<>(h.index.ofDomain("sensor"));
    out.addAll(h.index.ofDomain("climate"));
    return out;
  }

  private static boolean givesTemperature(HomeEntity e) {
    return e.domain().equals("climate") || "temperature".equals(e.deviceClass());
  }

  private static boolean isTemperatureSensor(IntentHandlers h, HomeEntity e) {
    if (!e.domain().equals("sensor")) {
      return false;
    }
    if ("temperature".equals(e.deviceClass())) {
      return true;
    }
    String unit = h.home.gateway().state(e.entityId()).map(s -> s.attributes().getString("unit_of_measurement"))
        .orElse("");
    return "°C".equals(unit) || "°F".equals(unit);
  }

  /** "Is the front door locked?": a yes or no about one entity. */
  static IntentMatch stateIs(IntentHandlers h, IntentEntry entry, String name, String stateWord) {
    String expected = stateWord == null ? null : h.vocabulary.state(stateWord);
    if (expected == null || name == null) {
      return null;
    }
    java.util.Set<String> domains = switch (expected) {
      case "locked", "unlocked" -> java.util.Set.of("lock");
      case "open", "closed" -> java.util.Set.of("cover", "binary_sensor", "lock");
      case "playing", "paused" -> java.util.Set.of("media_player");
      default -> entry.domains();
    };
    boolean any = entry.args().getBoolean("any", false);
    // "Are any lights on?" asks about every one of them, in the place said or in the whole home.
    Resolution r = h.target(entry.withDomains(domains), any ? "all " + name : name);
    if (r == null) {
      return null;
    }
    JsonObject hints = new JsonObject().put("query", "is").put("expect", expected).put("any", any);
    if (r.kind() == Resolution.Kind.AMBIGUOUS && r.area() != null) {
      // "Is the light on in the living room?" is about every light there.
      return call(entry, r.entities(), hints);
    }
    if (r.kind() == Resolution.Kind.AMBIGUOUS) {
      return h.ask(entry, r, chosen -> call(entry, chosen, hints.copy()));
    }
    return call(entry, r.entities(), hints);
  }

  /** "What is the litter box status?": the state of one entity. */
  static IntentMatch whatState(IntentHandlers h, IntentEntry entry, String name) {
    if (name == null) {
      return null;
    }
    Resolution r = h.target(entry, name);
    if (r == null) {
      return null;
    }
    if (r.kind() == Resolution.Kind.AMBIGUOUS) {
      return h.ask(entry, r, chosen -> call(entry, chosen, new JsonObject().put("query", "state")));
    }
    return call(entry, r.entities(), new JsonObject().put("query", "state"));
  }

  private static IntentMatch call(IntentEntry entry, HomeEntity e, JsonObject hints) {
    return call(entry, List.of(e), hints);
  }

  private static IntentMatch call(IntentEntry entry, List<HomeEntity> entities, JsonObject hints) {
    JsonArray ids = new JsonArray();
    entities.forEach(e -> ids.add(e.entityId()));
    return IntentMatch.call(entry.intent(), ToolCall.of("get_state", new JsonObject().put("entity_id", ids)),
        ids.getList(), hints);
  }
}
