package io.harpou.bridge.vertx.http;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The satellites voice knows, as the HTTP API needs them: those a conversation request may say it comes through
 * ({@code satellite_id}), with their rooms, and the list {@code /api/satellites} shows. Voice knows the satellites;
 * the bridge hands the HTTP API this narrow view of them, so the HTTP API needs nothing of voice.
 */
@FunctionalInterface
public interface SatelliteRooms {

  /** Knows no satellite: every {@code satellite_id} is refused. */
  SatelliteRooms NONE = id -> Optional.empty();

  /** The satellite with this id, or empty when there is none; safe to call from any thread. */
  Optional<Entry> find(String id);

  /**
   * Every satellite voice knows (configured ones included, connected or not), each in its JSON form; none unless
   * voice runs. Safe to call from any thread.
   */
  default List<JsonObject> list() {
    return List.of();
  }

  /**
   * A satellite as the place a request comes from.
   *
   * @param room its room (area id or name), or null while it is not known
   */
  record Entry(String room) {
  }
}
