package io.harpou.bridge.vertx.http;

import java.util.Optional;

/**
 * The satellites a conversation request may say it comes through ({@code satellite_id}), with their rooms. Voice
 * knows the satellites; the bridge hands the HTTP API this narrow view of them, so the HTTP API needs nothing of voice.
 */
@FunctionalInterface
public interface SatelliteRooms {

  /** Knows no satellite: every {@code satellite_id} is refused. */
  SatelliteRooms NONE = id -> Optional.empty();

  /** The satellite with this id, or empty when there is none; safe to call from any thread. */
  Optional<Entry> find(String id);

  /**
   * A satellite as the place a request comes from.
   *
   * @param room its room (area id or name), or null while it is not known
   */
  record Entry(String room) {
  }
}
