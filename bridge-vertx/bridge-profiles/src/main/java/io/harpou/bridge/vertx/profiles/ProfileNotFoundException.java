package io.harpou.bridge.vertx.profiles;

import io.harpou.bridge.api.BridgeException;

/** A change to a profile that does not exist. */
public class ProfileNotFoundException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception naming the missing profile. */
  public ProfileNotFoundException(String id) {
    super("no profile with id '" + id + "'");
  }
}
