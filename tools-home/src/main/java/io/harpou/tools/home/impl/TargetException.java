package io.harpou.tools.home.impl;

/** A target could not be settled; the message is what the model or the user reads. */
final class TargetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TargetException(String message) {
    super(message, null, false, false);
  }
}
