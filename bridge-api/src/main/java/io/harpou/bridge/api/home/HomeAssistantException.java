package io.harpou.bridge.api.home;

import io.harpou.bridge.api.BridgeException;

/**
 * Home Assistant refused or failed a request, or could not be reached. {@link #code()} carries HA's error code
 * ({@code not_found}, {@code invalid_format}, {@code unauthorized}, {@code home_assistant_error}) or one of Harpou's
 * ({@link #NOT_CONNECTED}, {@link #CONNECTION_LOST}, {@link #TIMEOUT}, {@link #AUTH_INVALID}), and {@link #outcome()}
 * says what is known of whether Home Assistant ran the request, whatever the transport.
 */
public class HomeAssistantException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** The request was never sent: no link, or Home Assistant is unreachable. */
  public static final String NOT_CONNECTED = "not_connected";
  /** The link dropped after the request was sent and before its answer: Home Assistant may have run it. */
  public static final String CONNECTION_LOST = "connection_lost";
  /** The request was sent and no answer came within the call timeout: Home Assistant may have run it. */
  public static final String TIMEOUT = "timeout";
  /** Home Assistant rejected the access token, so the request was never sent; the client retries with backoff. */
  public static final String AUTH_INVALID = "auth_invalid";

  /** What is known of whether Home Assistant ran a request that did not succeed. */
  public enum Outcome {
    /** It was never sent, so it did not run: the only case that may be retried or sent another way. */
    NOT_SENT,
    /** Home Assistant answered with an error: it refused or failed the request. */
    REFUSED,
    /** It was sent and no answer came: it may or may not have run, and must never be sent again. */
    UNKNOWN
  }

  private final String code;

  /** Creates the exception with HA's error code and message. */
  public HomeAssistantException(String code, String message) {
    super(message);
    this.code = code == null ? "unknown_error" : code;
  }

  /** Creates the exception with a cause. */
  public HomeAssistantException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code == null ? "unknown_error" : code;
  }

  /** HA's error code, or one of the constants of this class. */
  public String code() {
    return code;
  }

  /** Whether Home Assistant ran the request: never sent, refused, or unknown (sent, then no answer). */
  public Outcome outcome() {
    return switch (code) {
      case NOT_CONNECTED, AUTH_INVALID -> Outcome.NOT_SENT;
      case CONNECTION_LOST, TIMEOUT -> Outcome.UNKNOWN;
      default -> Outcome.REFUSED;
    };
  }

  /** The outcome of any failure of a Home Assistant request: {@link Outcome#UNKNOWN} for anything unexpected. */
  public static Outcome outcomeOf(Throwable failure) {
    return failure instanceof HomeAssistantException h ? h.outcome() : Outcome.UNKNOWN;
  }
}
