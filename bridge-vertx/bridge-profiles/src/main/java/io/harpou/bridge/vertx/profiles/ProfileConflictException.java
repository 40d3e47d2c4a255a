package io.harpou.bridge.vertx.profiles;

import io.harpou.bridge.api.BridgeException;

/** A profile change that clashes with what is stored: the id or model id is taken, or the profile changed since. */
public class ProfileConflictException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with what clashed. */
  public ProfileConflictException(String message) {
    super(message);
  }
}
