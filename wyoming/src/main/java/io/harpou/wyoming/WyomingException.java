package io.harpou.wyoming;

/**
 * The unchecked root of every Wyoming failure: a malformed frame, a limit exceeded, a message missing a required
 * field, or a connection that closed before an operation finished.
 */
public class WyomingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, fit for a log line
   */
  public WyomingException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, fit for a log line
   * @param cause the underlying failure
   */
  public WyomingException(String message, Throwable cause) {
    super(message, cause);
  }
}
