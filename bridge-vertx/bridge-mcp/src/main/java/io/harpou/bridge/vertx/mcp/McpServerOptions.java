package io.harpou.bridge.vertx.mcp;

import io.vertx.core.json.JsonObject;

/**
 * The MCP server's options, from the {@code mcp.server} section: whether it runs, how many sessions it keeps and for
 * how long, how long a confirmation question waits for the client's answer, and whether DANGEROUS tools are listed.
 */
public final class McpServerOptions {

  /** Sessions kept at once by default; a client beyond them is told to retry later. */
  public static final int DEFAULT_MAX_SESSIONS = 64;
  /** How long an unused session is kept by default, in seconds. */
  public static final int DEFAULT_SESSION_IDLE_SECONDS = 1800;
  /** How long a confirmation question waits for the client by default, in milliseconds. */
  public static final long DEFAULT_CONFIRMATION_TIMEOUT_MS = 30_000;

  private boolean enabled = true;
  private int maxSessions = DEFAULT_MAX_SESSIONS;
  private int sessionIdleSeconds = DEFAULT_SESSION_IDLE_SECONDS;
  private long confirmationTimeoutMs = DEFAULT_CONFIRMATION_TIMEOUT_MS;
  private boolean exposeDangerous;

  /** Options with every default. */
  public McpServerOptions() {
  }

  /**
   * Reads {@code enabled}, {@code max_sessions}, {@code session_idle_seconds}, {@code confirmation_timeout_ms} and
   * {@code expose_dangerous}; unknown keys are ignored.
   *
   * @throws IllegalArgumentException when a number is not positive
   */
  public McpServerOptions(JsonObject json) {
    setEnabled(json.getBoolean("enabled", true));
    setMaxSessions(json.getInteger("max_sessions", DEFAULT_MAX_SESSIONS));
    setSessionIdleSeconds(json.getInteger("session_idle_seconds", DEFAULT_SESSION_IDLE_SECONDS));
    setConfirmationTimeoutMs(json.getLong("confirmation_timeout_ms", DEFAULT_CONFIRMATION_TIMEOUT_MS));
    setExposeDangerous(json.getBoolean("expose_dangerous", false));
  }

  /** The options as the JSON the constructor reads. */
  public JsonObject toJson() {
    return new JsonObject().put("enabled", enabled).put("max_sessions", maxSessions)
        .put("session_idle_seconds", sessionIdleSeconds).put("confirmation_timeout_ms", confirmationTimeoutMs)
        .put("expose_dangerous", exposeDangerous);
  }

  /** True when the server is mounted ({@code true}). */
  public boolean isEnabled() {
    return enabled;
  }

  /** Mounts the server or not. */
  public McpServerOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /** Sessions kept at once. */
  public int getMaxSessions() {
    return maxSessions;
  }

  /** Sets the sessions kept at once (at least 1). */
  public McpServerOptions setMaxSessions(int maxSessions) {
    this.maxSessions = positive(maxSessions, "max_sessions");
    return this;
  }

  /** How long an unused session is kept, in seconds. */
  public int getSessionIdleSeconds() {
    return sessionIdleSeconds;
  }

  /** Sets how long an unused session is kept, in seconds (at least 1). */
  public McpServerOptions setSessionIdleSeconds(int seconds) {
    this.sessionIdleSeconds = positive(seconds, "session_idle_seconds");
    return this;
  }

  /** How long a confirmation question waits for the client's answer, in milliseconds. */
  public long getConfirmationTimeoutMs() {
    return confirmationTimeoutMs;
  }

  /** Sets how long a confirmation question waits (at least 1 ms). */
  public McpServerOptions setConfirmationTimeoutMs(long millis) {
    this.confirmationTimeoutMs = positive(millis, "confirmation_timeout_ms");
    return this;
  }

  /**
   * True when DANGEROUS tools are listed to clients (false). The policy still refuses their calls unless it enables
   * them too.
   */
  public boolean isExposeDangerous() {
    return exposeDangerous;
  }

  /** Lists DANGEROUS tools to clients or not. */
  public McpServerOptions setExposeDangerous(boolean exposeDangerous) {
    this.exposeDangerous = exposeDangerous;
    return this;
  }

  private static <N extends Number> N positive(N value, String name) {
    if (value.longValue() < 1) {
      throw new IllegalArgumentException("mcp.server." + name + " must be at least 1");
    }
    return value;
  }
}
