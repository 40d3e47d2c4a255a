package io.harpou.bridge.vertx.rules;

import io.harpou.bridge.api.home.HomeExposure;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.db.Database;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What notification rules watch and speak through.
 *
 * @param home the home whose states are watched and which receives each notification
 * @param database where rules added by speech, the console and the API are kept, and the audit log
 * @param announcer speaks in rooms, or null when voice does not run
 * @param satelliteRooms the rooms that have a satellite now, where a rule without rooms speaks
 * @param exposure which entities the assistant may see: rules watch, announce and read presence from those only
 */
public record NotificationServices(HomeGateway home, Database database, Announcer announcer,
                                   Supplier<List<String>> satelliteRooms, HomeExposure exposure) {

  /** Requires the home and the database; no announcer means no room is spoken to, no exposure means every entity. */
  public NotificationServices {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(database, "database");
    satelliteRooms = satelliteRooms == null ? List::of : satelliteRooms;
    exposure = exposure == null ? HomeExposure.EVERYTHING : exposure;
  }

  /** Services where every entity of the home is exposed. */
  public NotificationServices(HomeGateway home, Database database, Announcer announcer,
                              Supplier<List<String>> satelliteRooms) {
    this(home, database, announcer, satelliteRooms, HomeExposure.EVERYTHING);
  }

  /** True when the assistant may see {@code entityId}. */
  public boolean exposed(String entityId) {
    return exposure.exposed(home, entityId);
  }
}
