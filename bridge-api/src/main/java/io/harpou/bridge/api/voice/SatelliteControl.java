package io.harpou.bridge.api.voice;

import io.vertx.core.Future;
import java.util.Optional;

/** Reads and changes what a household set on each satellite (mute, do not disturb, volume). */
public interface SatelliteControl {

  /** The settings of a known satellite; empty when no satellite has that id. Safe from any thread. */
  Optional<SatelliteSettings> settings(String satelliteId);

  /**
   * Applies settings to a satellite; they hold from its next wake word or announcement, and while it reconnects.
   * The Future fails with {@link io.harpou.bridge.api.BridgeException} when no satellite has that id.
   */
  Future<SatelliteSettings> apply(String satelliteId, SatelliteSettings settings);
}
