package io.harpou.bridge.vertx.rules;

import io.harpou.bridge.api.home.HomeExposure;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.vertx.db.Database;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What notification rules watch and speak through.
 *
 * @param home the home whose states are watched and which receives each notification
 * @param database where rules added by speech, the console and the API are kept, and the audit log
 * @param announcer speaks in rooms, or null when voice does not run
 * @param satelliteRooms the rooms that have a satellite now, where a rule without rooms speaks
 * @param exposure which entities the assistant may see: rules watch, announce and read presence from those only
 * @param claim claims one finding (a rule true of one state, named by a key) for this node: true on the one node of a
 *     cluster that delivers it, so nodes that carry the same rules tell each thing once; every node keeps watching, so
 *     one that dies leaves the others where it stood
 */
public record NotificationServices(HomeGateway home, Database database, Announcer announcer,
                                   Supplier<List<String>> satelliteRooms, HomeExposure exposure,
                                   Function<String, Future<Boolean>> claim) {

  /**
   * Requires the home and the database; no announcer means no room is spoken to, no exposure means every entity, no
   * {@code claim} means this node delivers everything.
   */
  public NotificationServices {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(database, "database");
    satelliteRooms = satelliteRooms == null ? List::of : satelliteRooms;
    exposure = exposure == null ? HomeExposure.EVERYTHING : exposure;
    claim = claim == null ? finding -> Future.succeededFuture(true) : claim;
  }

  /** Services that always deliver. */
  public NotificationServices(HomeGateway home, Database database, Announcer announcer,
                              Supplier<List<String>> satelliteRooms, HomeExposure exposure) {
    this(home, database, announcer, satelliteRooms, exposure, null);
  }

  /** Services where every entity of the home is exposed. */
  public NotificationServices(HomeGateway home, Database database, Announcer announcer,
                              Supplier<List<String>> satelliteRooms) {
    this(home, database, announcer, satelliteRooms, HomeExposure.EVERYTHING, null);
  }

  /** True when the assistant may see {@code entityId}. */
  public boolean exposed(String entityId) {
    return exposure.exposed(home, entityId);
  }
}
