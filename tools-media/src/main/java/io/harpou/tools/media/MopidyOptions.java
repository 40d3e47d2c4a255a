package io.harpou.tools.media;

import io.vertx.core.json.JsonObject;

/**
 * The {@code mopidy} section of the {@code media} tools: a Mopidy server whose library (local files, TIDAL, whatever
 * its backends expose) Harpou searches and plays, and the room its speakers are in.
 *
 * <pre>{@code
 * "mopidy": {"url": "http://music-box:6680", "room": "kitchen", "max_tracks": 50, "timeout_ms": 10000}
 * }</pre>
 */
public final class MopidyOptions {

  private final String url;
  private final String room;
  private final int maxTracks;
  private final long timeoutMs;

  /**
   * Reads the section.
   *
   * @throws IllegalArgumentException when the URL is not http(s) or a limit is out of range
   */
  public MopidyOptions(JsonObject json) {
    JsonObject j = json == null ? new JsonObject() : json;
    String configured = j.getString("url");
    if (configured != null && !configured.matches("https?://[^/?#\\s]+/?")) {
      throw new IllegalArgumentException("media.mopidy.url must be an http or https base URL such as "
          + "http://music-box:6680");
    }
    url = configured == null ? null : configured.replaceFirst("/$", "");
    room = j.getString("room");
    maxTracks = j.getInteger("max_tracks", 50);
    timeoutMs = j.getLong("timeout_ms", 10_000L);
    if (maxTracks < 1 || maxTracks > 1000 || timeoutMs < 100) {
      throw new IllegalArgumentException("media.mopidy.max_tracks is 1 to 1000 and timeout_ms at least 100");
    }
  }

  /** Mopidy's base URL, or null when no Mopidy server is configured. */
  public String url() {
    return url;
  }

  /** The room Mopidy's speakers are in, or null. */
  public String room() {
    return room;
  }

  /** The most tracks one request queues (50). */
  public int maxTracks() {
    return maxTracks;
  }

  /** How long one JSON-RPC call may take (10 s). */
  public long timeoutMs() {
    return timeoutMs;
  }
}
