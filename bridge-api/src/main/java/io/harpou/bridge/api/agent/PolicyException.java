package io.harpou.bridge.api.agent;

import io.harpou.bridge.api.BridgeException;

/**
 * The policy did not let a tool call run: it is refused outright, or it waits for the user to confirm. The message is
 * what to tell the user ("Unlock the front door? Say yes to confirm.").
 */
public class PolicyException extends BridgeException {

  private static final long serialVersionUID = 1L;

  private final boolean confirmationRequired;

  /** Creates the exception; {@code confirmationRequired} tells a refusal from a pending confirmation. */
  public PolicyException(String message, boolean confirmationRequired) {
    super(message);
    this.confirmationRequired = confirmationRequired;
  }

  /** A call refused by the policy. */
  public static PolicyException denied(String message) {
    return new PolicyException(message, false);
  }

  /** A call that runs once the user confirms. */
  public static PolicyException confirm(String question) {
    return new PolicyException(question, true);
  }

  /** True when the call will run after a confirmation, false when it is refused. */
  public boolean confirmationRequired() {
    return confirmationRequired;
  }
}
