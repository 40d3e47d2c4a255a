package io.harpou.tools.home.impl;

/**
 * An action was sent to Home Assistant and its answer lost, so it may or may not have happened; the message says so
 * with what is true now, and the action is never sent again.
 */
final class UnconfirmedCall extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnconfirmedCall(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
