package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves a service target (entity, device, area, floor ids) to entity ids, as Home Assistant expands it. */
final class Targets {

  private Targets() {
  }

  /** A target value as a list of strings; a string may hold comma-separated ids, as {@code cv.comp_entity_ids}. */
  static JsonArray toList(String key, Object value) {
    JsonArray out = new JsonArray();
    if (value instanceof String s) {
      if (s.contains("{{") || s.contains("{%")) {
        throw ServiceError.invalid("Templates are not supported here");
      }
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim().toLowerCase());
        }
      }
      return out;
    }
    if (value instanceof JsonArray a) {
      for (Object o : a) {
        if (!(o instanceof String)) {
          throw ServiceError.invalid("expected str @ data['" + key + "']");
        }
        out.add(((String) o).trim().toLowerCase());
      }
      return out;
    }
    throw ServiceError.invalid("expected str or list @ data['" + key + "']");
  }

  /** Entity ids named by the target, in order, without duplicates; unknown explicit entity ids go to missing. */
  static List<String> resolve(Registries reg, StateMachine states, String domain, JsonArray entityIds,
                              JsonArray deviceIds, JsonArray areaIds, JsonArray floorIds, List<String> missing) {
    Set<String> out = new LinkedHashSet<>();
    for (Object o : entityIds) {
      String id = (String) o;
      if ("all".equals(id)) {
        states.all().stream().map(EntityState::entityId).filter(e -> domain == null || e.startsWith(domain + "."))
            .forEach(out::add);
      } else if (states.contains(id)) {
        out.add(id);
      } else {
        missing.add(id);
      }
    }
    for (Object o : deviceIds) {
      out.addAll(reg.entitiesOfDevice((String) o));
    }
    List<String> areas = new ArrayList<>();
    areaIds.forEach(a -> areas.add((String) a));
    floorIds.forEach(f -> areas.addAll(reg.areasOnFloor((String) f)));
    for (String area : areas) {
      out.addAll(reg.entitiesInArea(area));
    }
    out.removeIf(id -> !states.contains(id));
    return new ArrayList<>(out);
  }
}
