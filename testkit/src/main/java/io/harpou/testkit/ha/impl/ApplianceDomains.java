package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Household robots and water: vacuum (start, pause, stop, return to base, and {@code clean_area} over Home
 * Assistant areas mapped to the robot's rooms), lawn_mower (start mowing, pause, dock), valve (open, close, position,
 * stop) and button (press). Robots reach their new state at once.
 */
final class ApplianceDomains {

  /** VacuumEntityFeature: PAUSE, STOP, RETURN_HOME, FAN_SPEED, BATTERY, LOCATE, STATE, START. */
  static final int VACUUM_FEATURES = 4 | 8 | 16 | 32 | 64 | 512 | 4096 | 8192;
  /** VacuumEntityFeature.CLEAN_AREA. */
  static final int CLEAN_AREA = 16384;
  /** ValveEntityFeature.SET_POSITION. */
  private static final int VALVE_SET_POSITION = 4;

  private ApplianceDomains() {
  }

  static void register(Home home) {
    ServiceRegistry s = home.services;
    s.register(ServiceDef.entity("vacuum", "start", (c, id) -> c.write(id, "cleaning", c.attrs(id))));
    s.register(ServiceDef.entity("vacuum", "pause", (c, id) -> c.write(id, "paused", c.attrs(id))));
    s.register(ServiceDef.entity("vacuum", "stop", (c, id) -> c.write(id, "idle", c.attrs(id))));
    s.register(ServiceDef.entity("vacuum", "return_to_base", (c, id) -> c.write(id, "returning", c.attrs(id))));
    s.register(ServiceDef.entity("vacuum", "locate", (c, id) -> c.write(id, c.state(id).state(), c.attrs(id))));
    s.register(ServiceDef.entity("vacuum", "clean_area", (c, id) -> cleanArea(home, c, id))
        .field("cleaning_area_id", Field.any().req()));
    s.register(ServiceDef.entity("lawn_mower", "start_mowing", (c, id) -> c.write(id, "mowing", c.attrs(id))));
    s.register(ServiceDef.entity("lawn_mower", "pause", (c, id) -> c.write(id, "paused", c.attrs(id))));
    s.register(ServiceDef.entity("lawn_mower", "dock", (c, id) -> c.write(id, "returning", c.attrs(id))));
    s.register(ServiceDef.entity("valve", "open_valve", (c, id) -> moveValve(c, id, 100)));
    s.register(ServiceDef.entity("valve", "close_valve", (c, id) -> moveValve(c, id, 0)));
    s.register(ServiceDef.entity("valve", "stop_valve", (c, id) -> c.write(id, c.state(id).state(), c.attrs(id))));
    s.register(ServiceDef.entity("valve", "toggle", (c, id) ->
        moveValve(c, id, "closed".equals(c.state(id).state()) ? 100 : 0)));
    s.register(ServiceDef.entity("valve", "set_valve_position", (c, id) -> {
      if ((c.attrs(id).getInteger("supported_features", 0) & VALVE_SET_POSITION) == 0) {
        throw unsupported(id, "valve.set_valve_position");
      }
      moveValve(c, id, c.data.getInteger("position"));
    }).field("position", Field.integer(0, 100).req()));
    s.register(ServiceDef.entity("button", "press", (c, id) -> c.write(id, Ids.iso(Ids.nowMicros()), c.attrs(id))));
  }

  private static void cleanArea(Home home, CallContext c, String id) {
    if ((c.attrs(id).getInteger("supported_features", 0) & CLEAN_AREA) == 0) {
      throw unsupported(id, "vacuum.clean_area");
    }
    java.util.Set<String> mapped = home.house.vacuumAreas.getOrDefault(id, java.util.Set.of());
    if (mapped.isEmpty()) {
      throw new ServiceError("service_validation_error", "Area mapping is not configured for " + id
          + ". Configure the segment-to-area mapping before using this action.", "vacuum", "area_mapping_missing",
          new JsonObject().put("entity_id", id));
    }
    JsonArray areas = Targets.toList("cleaning_area_id", c.data.getValue("cleaning_area_id"));
    for (Object area : areas) {
      if (!mapped.contains((String) area)) {
        throw new ServiceError("service_validation_error", "Area " + area + " is not mapped to any segment of "
            + id, "vacuum", "area_not_mapped", new JsonObject().put("area_id", area));
      }
    }
    c.write(id, "cleaning", c.attrs(id));
  }

  private static void moveValve(CallContext c, String id, int position) {
    JsonObject a = c.attrs(id);
    if (a.containsKey("current_position")) {
      a.put("current_position", position);
    }
    c.write(id, position == 0 ? "closed" : "open", a);
  }

  static ServiceError unsupported(String entityId, String service) {
    return new ServiceError("service_validation_error", "Validation error: Entity " + entityId
        + " does not support action " + service, "homeassistant", "entity_not_supported",
        new JsonObject().put("entity_id", entityId).put("service", service));
  }
}
