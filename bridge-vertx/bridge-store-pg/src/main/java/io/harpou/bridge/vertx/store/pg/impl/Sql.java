package io.harpou.bridge.vertx.store.pg.impl;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Future;

/** How the PostgreSQL tables report failures: as {@link BridgeException}, like the embedded database. */
final class Sql {

  /**
   * The database's clock in epoch milliseconds: leases are written and compared on this one clock, so hubs whose
   * clocks disagree still agree on whose lease lapsed.
   */
  static final String NOW_MS = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";

  private Sql() {
  }

  /** {@code work}, failing with a {@link BridgeException} that wraps the client's error. */
  static <T> Future<T> mapped(Future<T> work) {
    return work.recover(e -> Future.failedFuture(e instanceof BridgeException ? e
        : new BridgeException("database error: " + e.getMessage(), e)));
  }
}
