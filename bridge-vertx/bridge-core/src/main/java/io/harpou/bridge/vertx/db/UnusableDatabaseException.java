package io.harpou.bridge.vertx.db;

import io.harpou.bridge.api.BridgeException;

/**
 * The database file cannot be used as it is: empty or missing although its data directory was in use, or damaged.
 * Nothing was written to it. The message names the files and says how to restore the last good copy or start afresh.
 */
public class UnusableDatabaseException extends BridgeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with the whole explanation for the household. */
  public UnusableDatabaseException(String message) {
    super(message);
  }
}
