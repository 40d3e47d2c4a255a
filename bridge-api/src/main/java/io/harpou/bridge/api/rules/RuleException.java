package io.harpou.bridge.api.rules;

import io.harpou.bridge.api.BridgeException;

/** A rule was refused: {@link #code()} says why ({@link RuleBook#INVALID} or {@link RuleBook#FORBIDDEN}). */
public class RuleException extends BridgeException {

  private static final long serialVersionUID = 1L;

  private final int code;

  /** Creates the exception with its code and a message that says what to change. */
  public RuleException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** {@link RuleBook#INVALID} or {@link RuleBook#FORBIDDEN}. */
  public int code() {
    return code;
  }
}
