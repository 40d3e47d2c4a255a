package io.harpou.bridge.api.tool;

import io.harpou.bridge.api.BridgeException;

/**
 * The arguments of a tool call do not fit its schema. The agent sends the message back to the model once so it can
 * repair the call.
 */
public class ToolArgumentsException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says which argument is wrong and why. */
  public ToolArgumentsException(String message) {
    super(message);
  }
}
