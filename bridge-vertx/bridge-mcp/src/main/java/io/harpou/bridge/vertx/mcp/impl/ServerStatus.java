package io.harpou.bridge.vertx.mcp.impl;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Where one MCP server stands, as {@code /health} shows it: connecting, connected with so many tools, or unavailable
 * and when it is tried again; with the last error it gave, kept after it recovers.
 *
 * @param state {@code connecting}, {@code connected}, {@code reconnecting} or {@code closed}
 * @param tools how many of its tools Harpou offers now
 * @param lastError why it last failed, or null when it never did
 * @param lastErrorAt when it last failed, or null
 * @param nextRetry when the next connection attempt starts, or null unless reconnecting
 * @param retryDelayMs the wait before that attempt, doubling at each failure up to a minute; 0 unless reconnecting
 */
record ServerStatus(String state, int tools, String lastError, Instant lastErrorAt, Instant nextRetry,
                    long retryDelayMs) {

  /** A server not yet connected. */
  static final ServerStatus CONNECTING = new ServerStatus("connecting", 0, null, null, null, 0);

  /** Connected with {@code count} tools; the last error is kept. */
  ServerStatus connected(int count) {
    return new ServerStatus("connected", count, lastError, lastErrorAt, null, 0);
  }

  /** Failed with {@code error}, tried again after {@code delayMs}. */
  ServerStatus failed(String error, long delayMs) {
    Instant now = Instant.now();
    return new ServerStatus("reconnecting", 0, error, now, now.plusMillis(delayMs), delayMs);
  }

  /** Closed with the hub. */
  ServerStatus closed() {
    return new ServerStatus("closed", 0, lastError, lastErrorAt, null, 0);
  }

  /** The state as a hub component: {@code ready} once connected, else {@code connecting} or {@code reconnecting}. */
  String healthState() {
    return state.equals("connected") || state.equals("closed") ? "ready" : state;
  }

  /** One line for people: the tools, or the error and when it is tried again. */
  String describe() {
    return switch (state) {
      case "connected" -> tools + " tools";
      case "reconnecting" -> "unavailable, retried in " + retryDelayMs / 1000 + " s at " + nextRetry + ": " + lastError;
      default -> state;
    };
  }

  /** The JSON form; absent values are omitted. */
  JsonObject toJson() {
    JsonObject json = new JsonObject().put("state", state).put("tools", tools);
    Json.putIfPresent(json, "last_error", lastError);
    Json.putIfPresent(json, "last_error_at", lastErrorAt);
    Json.putIfPresent(json, "next_retry", nextRetry);
    return retryDelayMs > 0 ? json.put("retry_delay_ms", retryDelayMs) : json;
  }
}
