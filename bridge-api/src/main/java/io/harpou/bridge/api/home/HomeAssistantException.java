package io.harpou.bridge.api.home;

import io.harpou.bridge.api.BridgeException;

/**
 * Home Assistant refused or failed a request, or could not be reached. {@link #code()} carries HA's error code
 * ({@code not_found}, {@code invalid_format}, {@code unauthorized}, {@code home_assistant_error}) or one of Harpou's
 * ({@link #NOT_CONNECTED}, {@link #CONNECTION_LOST}, {@link #TIMEOUT}, {@link #AUTH_INVALID}).
 */
public class HomeAssistantException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** The client is not connected and did not reconnect in time. */
  public static final String NOT_CONNECTED = "not_connected";
  /** The connection dropped while the call was in flight; it was not replayed. */
  public static final String CONNECTION_LOST = "connection_lost";
  /** Home Assistant did not answer within the call timeout. */
  public static final String TIMEOUT = "timeout";
  /** Home Assistant rejected the access token; the client stopped retrying. */
  public static final String AUTH_INVALID = "auth_invalid";

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
}
