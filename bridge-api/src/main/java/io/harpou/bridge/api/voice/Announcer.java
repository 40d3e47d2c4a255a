package io.harpou.bridge.api.voice;

import io.vertx.core.Future;

/** Speaks sentences in rooms through their satellites. */
public interface Announcer {

  /**
   * Speaks an announcement. The Future succeeds once the satellite has played it, and fails with
   * {@link io.harpou.bridge.api.BridgeException} when no satellite serves the room or it could not play.
   */
  Future<Void> announce(Announcement announcement);
}
