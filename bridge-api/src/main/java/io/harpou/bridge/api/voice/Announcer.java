package io.harpou.bridge.api.voice;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

/** Speaks sentences in rooms through their satellites. */
public interface Announcer {

  /** How long an announcement sent on the event bus may take to be played. */
  long BUS_TIMEOUT_MS = 60_000;

  /**
   * An announcer that sends each announcement to {@link BridgeAddresses#VOICE_ANNOUNCE}, wherever voice runs (in
   * this process or on another node of a cluster). It fails with {@link BridgeException} when voice does not run.
   */
  static Announcer overEventBus(Vertx vertx) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS);
    return announcement -> vertx.eventBus().request(BridgeAddresses.VOICE_ANNOUNCE, announcement.toJson(), options)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(new BridgeException("could not announce in " + announcement.room() + ": "
            + e.getMessage(), e)));
  }

  /**
   * Speaks an announcement. The Future succeeds once the satellite has played it, and fails with
   * {@link io.harpou.bridge.api.BridgeException} when no satellite serves the room or it could not play.
   */
  Future<Void> announce(Announcement announcement);
}
