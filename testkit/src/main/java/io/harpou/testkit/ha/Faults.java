package io.harpou.testkit.ha;

import java.time.Duration;

/**
 * Fault injection on the WebSocket and REST APIs of a {@link VirtualHomeAssistant}, so tests can show how a client
 * copes with a flaky Home Assistant. One-shot WebSocket faults name a command {@code type} ({@code null} matches any
 * command) and fire on the next authenticated message of that type, on any connection. Methods are thread-safe.
 */
public interface Faults {

  /** Drops every open WebSocket connection now, without a close frame (as a network failure would). */
  void dropNow();

  /**
   * Drops the connection when the next message of this type arrives, before it is handled or answered.
   *
   * @param type a command type such as {@code call_service}, or null for any
   * @return this
   */
  Faults dropOnNext(String type);

  /**
   * Handles the next message of this type (a service call runs and changes states), then drops the connection
   * instead of sending its answer, as a network failure right after Home Assistant acted would.
   *
   * @param type a command type such as {@code call_service}, or null for any
   * @return this
   */
  Faults dropReplyOfNext(String type);

  /**
   * Runs the next REST service call ({@code POST /api/services/...}), then closes its connection without answering:
   * the same failure over REST.
   *
   * @return this
   */
  Faults dropNextRestServiceReply();

  /**
   * While on, refuses WebSocket handshakes with HTTP 400, as Home Assistant answers a proxy in front of it that does
   * not pass the upgrade on; the REST API and open connections are not affected.
   *
   * @param refuse true to refuse
   * @return this
   */
  Faults refuseWebSockets(boolean refuse);

  /**
   * Delays the handling (and so the reply) of the next message of this type.
   *
   * @param type  a command type, or null for any
   * @param delay how long to wait before handling it
   * @return this
   */
  Faults delayNext(String type, Duration delay);

  /**
   * Answers the next message of this type with an error result instead of handling it.
   *
   * @param type    a command type, or null for any
   * @param code    the error code, e.g. {@code home_assistant_error} or {@code timeout}
   * @param message the error message
   * @return this
   */
  Faults failNext(String type, String code, String message);

  /**
   * While on, answers every auth attempt, even with the right token, with {@code auth_invalid}, and REST with 401.
   *
   * @param reject true to reject
   * @return this
   */
  Faults rejectAuth(boolean reject);

  /**
   * While on, holds every outbound message after authentication (replies, events, pongs); turning it off releases
   * them in order.
   *
   * @param stall true to stall
   * @return this
   */
  Faults stallReplies(boolean stall);

  /** Clears every pending fault and releases stalled replies. */
  void reset();
}
