package io.harpou.bridge.vertx.voice;

import io.vertx.core.Future;
import java.util.Set;

/**
 * Starts and stops Harpou's connections to wyoming-satellites while voice runs, beside those configured under
 * {@code voice.satellites}: an edge node of a cluster dials the satellites whose lease it takes and hangs up on those
 * it gives up. Safe to use from any thread.
 */
public interface SatelliteDialer {

  /**
   * Starts connecting to a satellite and keeps it connected (reconnecting after drops), as for a configured one.
   *
   * @return a Future that succeeds once dialing started (not once connected); fails with
   *     {@link io.harpou.bridge.api.BridgeException} when a satellite of that id is already dialed or voice stopped
   */
  Future<Void> dial(SatelliteConfig satellite);

  /**
   * Stops dialing a satellite: pauses it, closes the connection and removes it from the satellites view.
   *
   * @return a Future that succeeds once the connection is closed; fails with
   *     {@link io.harpou.bridge.api.BridgeException} when no satellite of that id is dialed
   */
  Future<Void> hangUp(String satelliteId);

  /** The ids of the satellites dialed now, connected or not. */
  Set<String> dialed();
}
