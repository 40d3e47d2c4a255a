package io.harpou.bridge.api.home;

import java.util.Locale;

/** The state of the link to Home Assistant, as reported in {@code /health} and events. */
public enum ConnectionState {
  /** Connecting or authenticating for the first time. */
  CONNECTING,
  /** Authenticated, subscribed and in sync. */
  CONNECTED,
  /** The link dropped or Home Assistant is unreachable; reconnecting with backoff. */
  RECONNECTING,
  /** The token was rejected; retrying with a slower backoff, since Home Assistant may reject it while it restarts. */
  AUTH_FAILED,
  /** Stopped on purpose. */
  CLOSED;

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
