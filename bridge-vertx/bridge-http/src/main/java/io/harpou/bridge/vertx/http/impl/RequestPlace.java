package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.harpou.bridge.vertx.http.SatelliteRooms;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a conversation request comes from, as Home Assistant's conversation API carries it: the asking device
 * ({@code device_id}, a Home Assistant device, whose area is the room), or Harpou's own {@code satellite_id} (its room,
 * and timers set by the request ring on it), or an explicit {@code area}. The area wins over the satellite's room,
 * which wins over the device's. An id or area that does not exist is refused, so a typing mistake never becomes a
 * request without a room; the ids and the area follow the rule of {@link io.harpou.bridge.api.Ids}.
 *
 * @param room the area id the request comes from, or null
 * @param satellite the satellite it comes through, or null
 */
record RequestPlace(String room, String satellite) {

  /** The place named by {@code body}'s {@code area}, {@code satellite_id} and {@code device_id}. */
  static RequestPlace of(JsonObject body, HttpApiServices bridge) {
    // Without Home Assistant an area is taken as said and reaches the model's prompt and the audit trail as the
    // speaker's room: it follows the rule of ids, so it can carry no line of its own.
    String area = Requests.optionalId(body, "area");
    String satelliteId = Requests.optionalId(body, "satellite_id");
    String deviceId = Requests.optionalId(body, "device_id");
    HomeGateway home = bridge.home().orElse(null);
    String room = null;
    if (deviceId != null) {
      Device device = home == null ? null : home.devices().stream().filter(d -> d.deviceId().equals(deviceId))
          .findFirst().orElse(null);
      if (device == null) {
        throw ApiError.invalid("no device with id '" + deviceId + "'");
      }
      room = device.areaId();
    }
    if (satelliteId != null) {
      Optional<SatelliteRooms.Entry> satellite = bridge.satellites().find(satelliteId);
      if (satellite.isEmpty()) {
        throw ApiError.invalid("no satellite with id '" + satelliteId + "'");
      }
      room = satellite.get().room() != null ? satellite.get().room() : room;
    }
    if (area != null) {
      room = home == null ? area : areaId(home, area);
    }
    return new RequestPlace(room, satelliteId);
  }

  private static String areaId(HomeGateway home, String area) {
    String wanted = area.trim().toLowerCase(Locale.ROOT);
    for (Area a : home.areas()) {
      if (a.areaId().equals(area) || a.name().toLowerCase(Locale.ROOT).equals(wanted)
          || a.aliases().stream().anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(wanted))) {
        return a.areaId();
      }
    }
    throw ApiError.invalid("no area called '" + area + "'");
  }
}

