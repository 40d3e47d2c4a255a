package io.harpou.bridge.vertx.audit;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Which audit rows to return: a time range, a tool, a room, and at most {@code limit} rows, newest first.
 *
 * @param from the earliest time included, or null
 * @param to the latest time excluded, or null
 * @param tool only this tool, or null
 * @param room only this room, or null
 * @param limit at most this many rows, from 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(Instant from, Instant to, String tool, String room, int limit) {

  /** The default number of rows. */
  public static final int DEFAULT_LIMIT = 100;
  /** The largest number of rows one query returns. */
  public static final int MAX_LIMIT = 1000;

  /** Keeps the limit within 1..{@value #MAX_LIMIT} and blank filters absent. */
  public AuditQuery {
    if (limit <= 0) {
      throw new IllegalArgumentException("audit limit must be positive");
    }
    limit = Math.min(limit, MAX_LIMIT);
    tool = tool == null || tool.isBlank() ? null : tool;
    room = room == null || room.isBlank() ? null : room;
  }

  /** The newest {@value #DEFAULT_LIMIT} rows. */
  public static AuditQuery latest() {
    return new AuditQuery(null, null, null, null, DEFAULT_LIMIT);
  }

  /**
   * Reads query parameters as the HTTP API receives them ({@code from}, {@code to} as ISO-8601 instants, {@code tool},
   * {@code room}, {@code limit}).
   *
   * @throws IllegalArgumentException when a time or the limit cannot be read
   */
  public static AuditQuery fromJson(JsonObject json) {
    try {
      String from = json.getString("from");
      String to = json.getString("to");
      Object limit = json.getValue("limit");
      return new AuditQuery(from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to),
          json.getString("tool"), json.getString("room"),
          limit == null ? DEFAULT_LIMIT : Integer.parseInt(String.valueOf(limit)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad audit query: " + e.getMessage(), e);
    }
  }
}
