package io.harpou.bridge.api;

/**
 * The unchecked root of every failure Harpou reports. Asynchronous operations fail their {@code Future} with this
 * type or one of its subclasses, each named for what the caller can do about it.
 */
public class BridgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message meant for the person or program that made the request. */
  public BridgeException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public BridgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
